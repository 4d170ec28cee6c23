// OpenAI chat completions through the official SDK: OpenAI itself, xAI and Moonshot, and (via
// azure.ts) Azure OpenAI. Messages go as they are (system, user, assistant); a response format
// becomes `response_format` (structured/openai.ts). One request per attempt: SDK retries are off
// so our retry policy decides.
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse, registerSdkErrors } from './error-mapping.js';
import { Adjustments } from './parameters/adjustments.js';
import type { OpenAIWireParameters } from './parameters/openai.js';
import { definedOnly, type Completion, type Protocol, type Send } from './protocol.js';
import { openAIResponseFormat, type OpenAIFamily } from './structured/openai.js';
import type { ChatMessage } from './types.js';

registerSdkErrors({ APIError, APIConnectionTimeoutError });

export function openAISdk(settings: ClientSettings): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.apiBase,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // The SDK would read OPENAI_ORG_ID / OPENAI_PROJECT_ID from process.env and send them to
    // whichever host this is (xAI, Moonshot…); configuration comes from the pipeline only.
    organization: null,
    project: null,
  });
}

/** Chat completions over any configured OpenAI SDK instance (AzureOpenAI included). */
export function openAIProtocol(sdk: OpenAI, settings: ClientSettings, wire: OpenAIWireParameters, family: OpenAIFamily): Protocol {
  return {
    plan(format) {
      const adjust = new Adjustments();
      const response_format = openAIResponseFormat(family, settings.model, format, adjust);
      const streaming = settings.stream ? { stream: true, stream_options: { include_usage: true } } : {};
      const parameters = definedOnly({ ...wire, response_format, ...streaming });
      const body = (messages: ChatMessage[]) => ({ model: settings.model, messages, ...parameters });
      const send: Send = settings.stream
        ? async (messages, { signal, firstToken }) =>
            readStream((await sdk.chat.completions.create(body(messages) as ChatCompletionCreateParamsStreaming, { signal })) as AsyncIterable<unknown>, settings, firstToken)
        : async (messages, { signal }) => readCompletion(await sdk.chat.completions.create(body(messages) as ChatCompletionCreateParamsNonStreaming, { signal }), settings);
      return { parameters, adjustments: adjust.list, send };
    },
  };
}

// The SDK hands back whatever the server sent (a string for a non-JSON body), so check it.
function readCompletion(body: unknown, settings: ClientSettings): Completion {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  const choices = body.choices;
  if (!Array.isArray(choices) || choices.length === 0) throw malformedResponse('missing choices', settings);
  const choice: unknown = choices[0];
  if (!isRecord(choice) || !isRecord(choice.message)) throw malformedResponse('missing choices[0].message', settings);
  const content = choice.message.content;
  return {
    model: reportedModel(body.model, settings.model),
    // null content (a refusal or a tool call) is an empty answer, not a broken response.
    text: typeof content === 'string' ? content : '',
    finish_reason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    usage: readUsage(body.usage),
  };
}

/** Chunks of `choices[0].delta.content`; usage in the last chunk (or, as Moonshot sends it, in the last choice). */
async function readStream(chunks: AsyncIterable<unknown>, settings: ClientSettings, firstToken: () => void): Promise<Completion> {
  let text = '';
  let model: unknown;
  let finish: string | null = null;
  let usage: unknown;
  let sawChoices = false;
  for await (const chunk of chunks) {
    if (!isRecord(chunk)) throw malformedResponse('a stream chunk is not a JSON object', settings);
    model ??= chunk.model;
    if (chunk.usage) usage = chunk.usage;
    if (!Array.isArray(chunk.choices)) continue;
    sawChoices = true;
    const choice: unknown = chunk.choices[0];
    if (!isRecord(choice)) continue;
    const content = isRecord(choice.delta) ? choice.delta.content : undefined;
    if (typeof content === 'string' && content !== '') {
      firstToken();
      text += content;
    }
    if (typeof choice.finish_reason === 'string') finish = choice.finish_reason;
    if (choice.usage) usage = choice.usage;
  }
  if (!sawChoices) throw malformedResponse('missing choices in every stream chunk', settings);
  return { model: reportedModel(model, settings.model), text, finish_reason: finish, usage: readUsage(usage) };
}

function readUsage(value: unknown) {
  const usage = isRecord(value) ? value : {};
  return { prompt_tokens: tokenCount(usage.prompt_tokens), completion_tokens: tokenCount(usage.completion_tokens) };
}
