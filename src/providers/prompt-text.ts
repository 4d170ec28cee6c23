// Native /generate routes (TGI, SGLang) take one prompt string, not chat messages: the
// rendered contents in order, a blank line apart. The server applies no chat template there;
// point an `openai` backend at the server's /v1 route to have it apply one.
import type { ChatMessage } from './types.js';

export function promptText(messages: ChatMessage[]): string {
  return messages.map((m) => m.content).join('\n\n');
}
