// Gemini generateContent over plain fetch (Google's REST API; no SDK in the dependency set).
// Streaming uses streamGenerateContent with alt=sse: each event is a partial response.
import type { ChatMessage } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import { parseEventData, postJson, postStream } from './http.js';
import type { GeminiGenerationConfig } from './parameters/gemini.js';
import type { Completion, Protocol } from './protocol.js';

/** `{base}/v1beta/models/{model}:{method}`; a base already ending in /v1 or /v1beta keeps its version. */
export function generateContentUrl(apiBase: string, model: string, method = 'generateContent'): string {
  const base = apiBase.replace(/\/+$/, '');
  const versioned = /\/v1(beta)?$/.test(base) ? base : `${base}/v1beta`;
  return `${versioned}/models/${encodeURIComponent(model)}:${method}`;
}

export function geminiProtocol(settings: ClientSettings, generationConfig: GeminiGenerationConfig): Protocol {
  // The key goes in a header, never in the URL, so it cannot leak through a logged URL.
  const headers = { 'x-goog-api-key': settings.apiKey };
  if (!settings.stream) {
    const url = generateContentUrl(settings.apiBase, settings.model);
    return async (messages, { signal }) => {
      const { body } = await postJson(settings, { url, body: requestBody(messages, generationConfig), headers, signal });
      return readResponse(body, settings);
    };
  }
  const url = `${generateContentUrl(settings.apiBase, settings.model, 'streamGenerateContent')}?alt=sse`;
  return async (messages, { signal, firstToken }) => {
    const { events } = await postStream(settings, { url, body: requestBody(messages, generationConfig), headers, signal });
    const chunks: unknown[] = [];
    for await (const { data } of events) {
      const chunk = parseEventData(data, settings);
      if (textOf(candidateOf(chunk)) !== '') firstToken();
      chunks.push(chunk);
    }
    return readResponse(mergeChunks(chunks), settings);
  };
}

function requestBody(messages: ChatMessage[], generationConfig: GeminiGenerationConfig) {
  const system = messages.filter((m) => m.role === 'system').map((m) => ({ text: m.content }));
  const contents = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] }));
  return { contents, ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}), generationConfig };
}

function candidateOf(body: unknown): Record<string, unknown> | undefined {
  const candidate: unknown = isRecord(body) && Array.isArray(body.candidates) ? body.candidates[0] : undefined;
  return isRecord(candidate) ? candidate : undefined;
}

function textOf(candidate: Record<string, unknown> | undefined): string {
  const parts = isRecord(candidate?.content) && Array.isArray(candidate.content.parts) ? candidate.content.parts : [];
  return parts.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** A stream's partial responses as one: the text joined, the last finish reason, usage and model. */
function mergeChunks(chunks: unknown[]): unknown {
  const last = chunks.findLast(isRecord);
  const candidates = chunks.map(candidateOf).filter((c) => c !== undefined);
  if (last === undefined || candidates.length === 0) return last ?? {};
  const finishReason = candidates.findLast((c) => typeof c.finishReason === 'string')?.finishReason;
  const withUsage = chunks.findLast((c): c is Record<string, unknown> => isRecord(c) && isRecord(c.usageMetadata));
  return {
    ...last,
    candidates: [{ content: { role: 'model', parts: [{ text: candidates.map(textOf).join('') }] }, finishReason }],
    usageMetadata: withUsage?.usageMetadata,
  };
}

function readResponse(body: unknown, settings: ClientSettings): Completion {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  const candidate = candidateOf(body);
  if (candidate === undefined) {
    // A blocked prompt comes back as 200 with promptFeedback and no candidates.
    const blocked = isRecord(body.promptFeedback) ? body.promptFeedback.blockReason : undefined;
    throw malformedResponse(`missing candidates${typeof blocked === 'string' ? ` (prompt blocked: ${blocked})` : ''}`, settings);
  }
  // A candidate stopped by a safety filter has no content: an empty answer, not a broken body.
  const usage = isRecord(body.usageMetadata) ? body.usageMetadata : {};
  return {
    model: reportedModel(body.modelVersion, settings.model),
    text: textOf(candidate),
    finish_reason: typeof candidate.finishReason === 'string' ? candidate.finishReason : null,
    usage: { prompt_tokens: tokenCount(usage.promptTokenCount), completion_tokens: tokenCount(usage.candidatesTokenCount) },
  };
}
