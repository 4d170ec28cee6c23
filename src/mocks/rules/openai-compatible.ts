// What the OpenAI-compatible services refuse, so a request that passes the mock would pass the
// real service: reasoning models' parameters, too many stops, out-of-range temperatures, the
// Grok and Kimi restrictions. Each refusal is worded as the service words it.
import {
  grokRejectsPenalties,
  grokRejectsStop,
  isPinnedKimi,
  isReasoningModel,
} from '../../providers/parameters/model-families.js';
import { strictSchemaProblem } from '../../providers/structured/openai-strict.js';
import { field, textOf } from '../handlers/request.js';

export type OpenAIFamily = 'openai' | 'xai' | 'moonshot' | 'compatible';

export interface Refusal {
  message: string;
  param: string;
  code: string;
}

export function openAIRefusal(family: OpenAIFamily, body: Record<string, unknown>): Refusal | undefined {
  const model = String(body.model);
  const stops = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : [];
  const temperature = typeof body.temperature === 'number' ? body.temperature : undefined;
  if (family === 'openai' && isReasoningModel(model)) {
    if (body.max_tokens !== undefined) {
      return unsupported('max_tokens', "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.");
    }
    for (const name of ['temperature', 'top_p'] as const) {
      if (body[name] !== undefined && body[name] !== 1) {
        return { param: name, code: 'unsupported_value', message: `Unsupported value: '${name}' does not support ${String(body[name])} with this model. Only the default (1) value is supported.` };
      }
    }
    if (body.stop !== undefined) return unsupported('stop', "Unsupported parameter: 'stop' is not supported with this model.");
  }
  if (family === 'xai') {
    if (body.stop !== undefined && grokRejectsStop(model)) return unsupported('stop', `Argument not supported on this model: stop (model ${model})`);
    for (const name of ['presence_penalty', 'frequency_penalty'] as const) {
      if (body[name] !== undefined && grokRejectsPenalties(model)) return unsupported(name, `Argument not supported on this model: ${name} (model ${model})`);
    }
  }
  if (family === 'moonshot' && temperature !== undefined) {
    if (isPinnedKimi(model) && temperature !== 1) return { param: 'temperature', code: 'invalid_value', message: 'invalid temperature: only 1 is allowed for this model' };
    if (temperature > 1) return { param: 'temperature', code: 'invalid_value', message: `invalid temperature: ${temperature}, which should be in [0, 1]` };
  }
  if (family === 'openai') {
    const refusal = responseFormatRefusal(body);
    if (refusal) return refusal;
  }
  if (stops.length > 4) {
    return { param: 'stop', code: 'array_above_max_length', message: `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${stops.length} instead.` };
  }
  if (temperature !== undefined && temperature > 2) {
    return { param: 'temperature', code: 'decimal_above_max_value', message: `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${temperature} instead.` };
  }
  return undefined;
}

/** OpenAI's JSON mode wants the word "json" in the messages; strict json_schema wants a strict schema. */
function responseFormatRefusal(body: Record<string, unknown>): Refusal | undefined {
  const format = body.response_format;
  if (field(format, 'type') === 'json_object') {
    const mentioned = Array.isArray(body.messages) && body.messages.some((m) => /json/i.test(textOf(field(m, 'content'))));
    if (!mentioned) return { param: 'messages', code: 'invalid_request_error', message: "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'." };
  }
  const jsonSchema = field(format, 'json_schema');
  if (field(format, 'type') === 'json_schema' && field(jsonSchema, 'strict') === true) {
    const problem = strictSchemaProblem(field(jsonSchema, 'schema'));
    if (problem) return { param: 'response_format', code: 'invalid_json_schema', message: `Invalid schema for response_format '${String(field(jsonSchema, 'name'))}': ${problem}` };
  }
  return undefined;
}

function unsupported(param: string, message: string): Refusal {
  return { param, code: 'unsupported_parameter', message };
}
