// Invoice fields extracted as schema-checked JSON, and a vendor name as text: see invoice_extraction.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./invoice_extraction.yaml');
