// One-sentence news summaries scored by ROUGE-L and an LLM judge: see news_summaries.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./news_summaries.yaml');
