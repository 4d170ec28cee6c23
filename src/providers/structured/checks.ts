// The providers layer's load-time check: every response_format's JSON Schema (a prompt's or a
// backend's) compiles, so a schema that is itself invalid is a config error at its line with
// ajv's reason, not a failure at the first sample. Pass it to loadPipeline's `checks`.
import type { PipelineCheck } from '../../config/load.js';
import type { PathIssue } from '../../config/locate.js';
import type { ResponseFormat } from '../../config/schema.js';
import { compileSchema } from '../json-schema.js';

export function responseFormatChecks(): PipelineCheck {
  return (spec) => [
    ...spec.prompts.flatMap((prompt, i) => schemaIssues(prompt.response_format, ['prompts', i, 'response_format'])),
    ...spec.backends.flatMap((backend, i) => schemaIssues(backend.config.response_format, ['backends', i, 'config', 'response_format'])),
  ];
}

function schemaIssues(format: ResponseFormat | undefined, path: PathIssue['path']): PathIssue[] {
  if (format === undefined || format === 'json') return [];
  try {
    compileSchema(format.json_schema);
    return [];
  } catch (error) {
    return [{ path: [...path, 'json_schema'], message: `the JSON Schema is invalid: ${(error as Error).message}`, hint: 'Fix the schema (see json-schema.org)' }];
  }
}
