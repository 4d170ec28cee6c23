// Intent routing from a chat prompt with a system prompt and few-shot turns: see support_intents.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./support_intents.yaml');
