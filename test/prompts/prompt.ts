// A PromptSpec with the schema's defaults, for tests that give only the texts.
import type { PromptSpec } from '../../src/config/schema.js';
import type { Sample } from '../../src/datasets/sample.js';

export function prompt(fields: Partial<PromptSpec>): PromptSpec {
  return { prompt_id: 'p', renderer: 'jinja', params: {}, strict_undefined: true, ...fields };
}

export function sample(fields: Record<string, unknown> = {}): Sample {
  return { sample_id: 's-0001', metadata: {}, ...fields };
}
