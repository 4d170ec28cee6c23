// What Anthropic's Messages API refuses beyond missing fields: temperature outside 0..1, stop
// sequences that are only whitespace, roles other than user and assistant in `messages` (a
// system prompt goes in the top-level `system`), and a conversation that does not open with the
// user. (Consecutive turns of one role it merges, so those pass.) Worded as the API words them.
import { field } from '../handlers/request.js';

export function anthropicRefusal(body: Record<string, unknown>): string | undefined {
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1)) return 'temperature: range: 0..1';
  if (Array.isArray(body.stop_sequences) && body.stop_sequences.some((s) => typeof s !== 'string' || s.trim() === '')) {
    return 'stop_sequences: each stop sequence must contain non-whitespace';
  }
  return undefined;
}

export function anthropicMessagesRefusal(messages: unknown[]): string | undefined {
  if (messages.some((m) => field(m, 'role') === 'system')) {
    return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
  }
  const stranger = messages.findIndex((m) => field(m, 'role') !== 'user' && field(m, 'role') !== 'assistant');
  if (stranger !== -1) return `messages.${stranger}.role: Input should be 'user' or 'assistant'`;
  if (field(messages[0], 'role') !== 'user') return 'messages: first message must use the "user" role';
  return undefined;
}

/** A forced tool (tool_choice {type: tool, name}) and its input schema; a name no tool has is refused. */
export function forcedTool(body: Record<string, unknown>): { name: string; schema: Record<string, unknown> } | { refusal: string } | undefined {
  if (field(body.tool_choice, 'type') !== 'tool') return undefined;
  const name = String(field(body.tool_choice, 'name'));
  const tool = Array.isArray(body.tools) ? body.tools.find((t) => field(t, 'name') === name) : undefined;
  const schema = field(tool, 'input_schema');
  if (typeof schema !== 'object' || schema === null) return { refusal: `tool_choice: the tool "${name}" is not among the request's tools` };
  return { name, schema: schema as Record<string, unknown> };
}
