// OpenAI chat completions through the official SDK: OpenAI itself, xAI and Moonshot, and (via
// azure.ts) Azure OpenAI. One request per call: SDK retries are off so our retry policy decides.
import OpenAI from 'openai';
import type { ChatRequest, ChatResult, ProviderClient } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import { openAIParameters } from './parameters.js';
import { timedRequest } from './timed-request.js';

export function createOpenAICompatibleClient(settings: ClientSettings): ProviderClient {
  const sdk = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.apiBase,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // The SDK would read OPENAI_ORG_ID / OPENAI_PROJECT_ID from process.env and send them to
    // whichever host this is (xAI, Moonshot…); configuration comes from the pipeline only.
    organization: null,
    project: null,
  });
  return openAISdkClient(sdk, settings);
}

/** A ProviderClient over any configured OpenAI SDK instance (AzureOpenAI included). */
export function openAISdkClient(sdk: OpenAI, settings: ClientSettings): ProviderClient {
  return {
    provider: settings.provider,
    model: settings.model,
    apiBase: settings.apiBase,
    async chat(request: ChatRequest): Promise<ChatResult> {
      const { body, latency_ms } = await timedRequest(settings, request.signal, (signal) =>
        sdk.chat.completions.create(
          { model: settings.model, messages: request.messages, ...openAIParameters(settings.parameters) },
          { signal },
        ),
      );
      return { ...readCompletion(body, settings), provider: settings.provider, latency_ms, attempts: 1 };
    },
  };
}

// The SDK hands back whatever the server sent (a string for a non-JSON body), so check it.
function readCompletion(body: unknown, settings: ClientSettings) {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  const choices = body.choices;
  if (!Array.isArray(choices) || choices.length === 0) throw malformedResponse('missing choices', settings);
  const choice: unknown = choices[0];
  if (!isRecord(choice) || !isRecord(choice.message)) throw malformedResponse('missing choices[0].message', settings);
  const content = choice.message.content;
  const usage = isRecord(body.usage) ? body.usage : {};
  return {
    model: reportedModel(body.model, settings.model),
    // null content (a refusal or a tool call) is an empty answer, not a broken response.
    text: typeof content === 'string' ? content : '',
    finish_reason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    usage: { prompt_tokens: tokenCount(usage.prompt_tokens), completion_tokens: tokenCount(usage.completion_tokens) },
  };
}
