// Gemini generateContent over plain fetch (Google's REST API; no SDK in the dependency set).
// Streaming uses streamGenerateContent with alt=sse: each event is a partial response. A
// response format becomes responseMimeType + responseJsonSchema (structured/gemini.ts); the
// answer is the text part, which then holds JSON.
import type { ChatMessage } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import { parseEventData, postJson, postStream } from './http.js';
import type { GeminiGenerationConfig } from './parameters/gemini.js';
import { definedOnly, type Completion, type Protocol, type Send } from './protocol.js';
import { geminiStructured } from './structured/gemini.js';

/** `{base}/v1beta/models/{model}:{method}`; a base already ending in /v1 or /v1beta keeps its version. */
export function generateContentUrl(apiBase: string, model: string, method = 'generateContent'): string {
  const base = apiBase.replace(/\/+$/, '');
  const versioned = /\/v1(beta)?$/.test(base) ? base : `${base}/v1beta`;
  return `${versioned}/models/${encodeURIComponent(model)}:${method}`;
}

export function geminiProtocol(settings: ClientSettings, generationConfig: GeminiGenerationConfig): Protocol {
  // The key goes in a header, never in the URL, so it cannot leak through a logged URL.
  const headers = { 'x-goog-api-key': settings.apiKey };
  const plainUrl = generateContentUrl(settings.apiBase, settings.model);
  const streamUrl = `${generateContentUrl(settings.apiBase, settings.model, 'streamGenerateContent')}?alt=sse`;
  return {
    plan(format) {
      const parameters = definedOnly({ generationConfig: { ...generationConfig, ...geminiStructured(format) } });
      const body = (messages: ChatMessage[]) => ({ ...geminiContents(messages), ...parameters });
      const send: Send = settings.stream
        ? async (messages, { signal, firstToken }) => {
            const { events } = await postStream(settings, { url: streamUrl, body: body(messages), headers, signal });
            const chunks: unknown[] = [];
            for await (const { data } of events) {
              const chunk = parseEventData(data, settings);
              if (textOf(candidateOf(chunk)) !== '') firstToken();
              chunks.push(chunk);
            }
            return readResponse(mergeChunks(chunks), settings);
          }
        : async (messages, { signal }) => readResponse((await postJson(settings, { url: plainUrl, body: body(messages), headers, signal })).body, settings);
      return { parameters, adjustments: [], send };
    },
  };
}

/** Gemini's shape of a chat: system messages in systemInstruction (one part each), the turns in
 *  `contents` with the roles `user` and `model` (the only two it accepts). */
function geminiContents(messages: ChatMessage[]) {
  const system = messages.filter((m) => m.role === 'system').map((m) => ({ text: m.content }));
  const contents = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] }));
  return { contents, ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}) };
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
