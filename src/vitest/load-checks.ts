// The checks the layers above config add when an eval file loads its pipeline: Jinja syntax in
// every prompt text and mock_reply, and every response_format's JSON Schema.
import type { PipelineCheck } from '../config/load.js';
import { promptChecks } from '../prompts/checks.js';
import { responseFormatChecks } from '../providers/structured/checks.js';

export function loadChecks(): PipelineCheck[] {
  return [promptChecks(), responseFormatChecks()];
}
