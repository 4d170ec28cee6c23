// Gemini generateContent over plain fetch (Google's REST API; no SDK in the dependency set).
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { httpError, malformedResponse } from './error-mapping.js';
import { geminiGenerationConfig } from './parameters.js';
import { timedRequest } from './timed-request.js';

/** `{base}/v1beta/models/{model}:generateContent`; a base already ending in /v1 or /v1beta keeps its version. */
export function generateContentUrl(apiBase: string, model: string): string {
  const base = apiBase.replace(/\/+$/, '');
  const versioned = /\/v1(beta)?$/.test(base) ? base : `${base}/v1beta`;
  return `${versioned}/models/${encodeURIComponent(model)}:generateContent`;
}

export function createGeminiClient(settings: ClientSettings): ProviderClient {
  const url = generateContentUrl(settings.apiBase, settings.model);
  return {
    provider: settings.provider,
    model: settings.model,
    apiBase: settings.apiBase,
    async chat(request: ChatRequest): Promise<ChatResult> {
      const { body, latency_ms } = await timedRequest(settings, request.signal, async (signal) => {
        const response = await fetch(url, {
          method: 'POST',
          // The key goes in a header, never in the URL, so it cannot leak through a logged URL.
          headers: { 'content-type': 'application/json', 'x-goog-api-key': settings.apiKey },
          body: JSON.stringify(requestBody(request.messages, settings)),
          signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
        });
        const text = await response.text();
        if (!response.ok) throw httpError(response.status, errorMessage(text), settings);
        return JSON.parse(text) as unknown;
      });
      return { ...readResponse(body, settings), provider: settings.provider, latency_ms, attempts: 1 };
    },
  };
}

function requestBody(messages: ChatMessage[], settings: ClientSettings) {
  const system = messages.filter((m) => m.role === 'system').map((m) => ({ text: m.content }));
  const contents = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] }));
  return {
    contents,
    ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}),
    generationConfig: geminiGenerationConfig(settings.parameters),
  };
}

/** Google's `{error:{code,message,status}}`, else the raw text (a proxy's HTML page, say). */
function errorMessage(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && isRecord(parsed.error) && typeof parsed.error.message === 'string') {
      return typeof parsed.error.status === 'string' ? `${parsed.error.message} (${parsed.error.status})` : parsed.error.message;
    }
  } catch {
    // Not JSON: fall through to the text itself.
  }
  return text.trim().slice(0, 500) || '(empty body)';
}

function readResponse(body: unknown, settings: ClientSettings) {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  const candidate: unknown = Array.isArray(body.candidates) ? body.candidates[0] : undefined;
  if (!isRecord(candidate)) {
    // A blocked prompt comes back as 200 with promptFeedback and no candidates.
    const blocked = isRecord(body.promptFeedback) ? body.promptFeedback.blockReason : undefined;
    throw malformedResponse(`missing candidates${typeof blocked === 'string' ? ` (prompt blocked: ${blocked})` : ''}`, settings);
  }
  // A candidate stopped by a safety filter has no content: an empty answer, not a broken body.
  const parts = isRecord(candidate.content) && Array.isArray(candidate.content.parts) ? candidate.content.parts : [];
  const usage = isRecord(body.usageMetadata) ? body.usageMetadata : {};
  return {
    model: reportedModel(body.modelVersion, settings.model),
    text: parts.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join(''),
    finish_reason: typeof candidate.finishReason === 'string' ? candidate.finishReason : null,
    usage: { prompt_tokens: tokenCount(usage.promptTokenCount), completion_tokens: tokenCount(usage.candidatesTokenCount) },
  };
}
