// Anthropic Messages through the official SDK. System messages travel in the top-level `system`
// (every one of them, in order, a blank line apart: the API refuses a system role inside
// `messages`), user and assistant turns in `messages` as they are (the API merges consecutive
// turns of one role itself). A response format is answered through a forced tool
// (structured/anthropic.ts) whose input is the answer. The parameter rules have already supplied
// max_tokens. The SDK is imported with the first request: a run that calls no Anthropic model
// never loads it (about a tenth of a second and several MB in every test worker otherwise).
import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming, MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { ChatMessage } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse, registerSdkErrors } from './error-mapping.js';
import { Adjustments } from './parameters/adjustments.js';
import type { AnthropicWireParameters } from './parameters/anthropic.js';
import { definedOnly, type Completion, type Protocol, type Send } from './protocol.js';
import { anthropicTool, WRAPPED_KEY, type AnthropicAnswerTool } from './structured/anthropic.js';

let sdkModule: Promise<typeof import('@anthropic-ai/sdk')> | undefined;

function loadSdk(): Promise<typeof import('@anthropic-ai/sdk')> {
  return (sdkModule ??= import('@anthropic-ai/sdk').then((module) => {
    registerSdkErrors(module);
    return module;
  }));
}

export function anthropicProtocol(settings: ClientSettings, wire: AnthropicWireParameters): Protocol {
  let client: Promise<Anthropic> | undefined;
  const sdk = (): Promise<Anthropic> =>
    (client ??= loadSdk().then(({ default: Sdk }) => new Sdk({ apiKey: settings.apiKey, baseURL: settings.apiBase, timeout: settings.timeoutMs, maxRetries: 0 })));
  return {
    prepare: async () => void (await sdk()),
    plan(format) {
      const adjust = new Adjustments();
      const tool = anthropicTool(format, adjust);
      const parameters = definedOnly({ ...wire, ...tool?.wire, ...(settings.stream ? { stream: true } : {}) });
      const body = (all: ChatMessage[]) => ({ model: settings.model, ...splitSystem(all), ...parameters });
      const send: Send = settings.stream
        ? async (messages, { signal, firstToken }) =>
            readStream((await (await sdk()).messages.create(body(messages) as MessageCreateParamsStreaming, { signal })) as AsyncIterable<unknown>, settings, firstToken, tool?.answer)
        : async (messages, { signal }) => readMessage(await (await sdk()).messages.create(body(messages) as MessageCreateParamsNonStreaming, { signal }), settings, tool?.answer);
      return { parameters, adjustments: adjust.list, send };
    },
  };
}

/** Anthropic's shape of a chat: `system` apart, the turns in `messages`. */
function splitSystem(all: ChatMessage[]): { system?: string; messages: Array<{ role: 'user' | 'assistant'; content: string }> } {
  const system = all.filter((m) => m.role === 'system').map((m) => m.content);
  const messages = all.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }]));
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages };
}

function readMessage(body: unknown, settings: ClientSettings, tool: AnthropicAnswerTool | undefined): Completion {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  if (!Array.isArray(body.content)) throw malformedResponse('missing content', settings);
  const blocks = body.content.filter(isRecord);
  const used = tool && blocks.find((block) => block.type === 'tool_use' && block.name === tool.name);
  const text = used
    ? answerOf(JSON.stringify(used.input ?? {}), tool)
    : blocks.filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text as string).join('');
  const usage = isRecord(body.usage) ? body.usage : {};
  return {
    model: reportedModel(body.model, settings.model),
    text,
    finish_reason: typeof body.stop_reason === 'string' ? body.stop_reason : null,
    usage: { prompt_tokens: tokenCount(usage.input_tokens), completion_tokens: tokenCount(usage.output_tokens) },
  };
}

/** The forced tool's input as the answer's JSON text, unwrapped when the schema was wrapped. */
function answerOf(input: string, tool: AnthropicAnswerTool): string {
  if (!tool.wrapped) return input;
  try {
    const parsed: unknown = JSON.parse(input);
    return JSON.stringify(isRecord(parsed) ? parsed[WRAPPED_KEY] : parsed) ?? '';
  } catch {
    return input;
  }
}

/** message_start (model, input tokens), text or tool-input deltas, message_delta (stop reason, output tokens). */
async function readStream(events: AsyncIterable<unknown>, settings: ClientSettings, firstToken: () => void, tool: AnthropicAnswerTool | undefined): Promise<Completion> {
  let started: Record<string, unknown> | undefined;
  let text = '';
  let toolInput: string | undefined;
  let toolBlock: unknown;
  let finish: string | null = null;
  let inputTokens: unknown;
  let outputTokens: unknown;
  for await (const event of events) {
    if (!isRecord(event)) throw malformedResponse('a stream event is not a JSON object', settings);
    if (event.type === 'message_start' && isRecord(event.message)) {
      started = event.message;
      if (isRecord(started.usage)) ({ input_tokens: inputTokens, output_tokens: outputTokens } = started.usage);
    } else if (event.type === 'content_block_start' && isRecord(event.content_block) && event.content_block.type === 'tool_use' && event.content_block.name === tool?.name) {
      toolBlock = event.index;
      toolInput = '';
    } else if (event.type === 'content_block_delta' && isRecord(event.delta)) {
      const piece = event.delta.type === 'input_json_delta' && event.index === toolBlock ? event.delta.partial_json : event.delta.text;
      if (typeof piece !== 'string') continue;
      if (piece !== '') firstToken();
      if (event.delta.type === 'input_json_delta') toolInput = (toolInput ?? '') + piece;
      else text += piece;
    } else if (event.type === 'message_delta') {
      if (isRecord(event.delta) && typeof event.delta.stop_reason === 'string') finish = event.delta.stop_reason;
      if (isRecord(event.usage) && event.usage.output_tokens !== undefined) outputTokens = event.usage.output_tokens;
    }
  }
  if (started === undefined) throw malformedResponse('missing message_start in the stream', settings);
  return {
    model: reportedModel(started.model, settings.model),
    text: tool && toolInput !== undefined ? answerOf(toolInput === '' ? '{}' : toolInput, tool) : text,
    finish_reason: finish,
    usage: { prompt_tokens: tokenCount(inputTokens), completion_tokens: tokenCount(outputTokens) },
  };
}
