// Structured output on Anthropic Messages: a forced tool. The request offers one tool whose
// input_schema is the response schema and forces it (tool_choice {type: tool}); the tool_use
// block's input is the answer. Chosen over the newer output_config.format because a forced
// tool works on every Claude model the API serves (output_config only on recent ones) with no
// beta header, and over a prompt-only fallback because the API itself then enforces the schema.
// A tool input is always an object, so a schema for anything else (a list, a string) is wrapped
// as {value: schema} and the answer unwrapped.
import type { Adjustments } from '../parameters/adjustments.js';
import { describesObject, type StructuredFormat } from './format.js';

export interface AnthropicToolWire {
  tools: Array<{ name: string; description: string; input_schema: Record<string, unknown> }>;
  tool_choice: { type: 'tool'; name: string };
}

/** How to read the answer back: which tool's input, and whether it was wrapped. */
export interface AnthropicAnswerTool {
  name: string;
  wrapped: boolean;
}

export const WRAPPED_KEY = 'value';

export function anthropicTool(format: StructuredFormat | undefined, adjust: Adjustments): { wire: AnthropicToolWire; answer: AnthropicAnswerTool } | undefined {
  if (format === undefined) return undefined;
  const name = format.kind === 'schema' ? format.name : 'answer';
  const schema = format.kind === 'schema' ? format.schema : { type: 'object' };
  const wrapped = !describesObject(schema);
  const input_schema = wrapped ? { type: 'object', properties: { [WRAPPED_KEY]: schema }, required: [WRAPPED_KEY] } : schema;
  const tool_choice = { type: 'tool' as const, name };
  adjust.replace(
    'response_format',
    format.kind === 'json' ? 'json' : { json_schema: name },
    { tool_choice },
    `Anthropic answers structured output through a forced tool: its input is the answer${wrapped ? ` (the schema is not an object, so it is wrapped as {${WRAPPED_KEY}: …} and unwrapped)` : ''}`,
  );
  return { wire: { tools: [{ name, description: 'Give the answer in this structure.', input_schema }], tool_choice }, answer: { name, wrapped } };
}
