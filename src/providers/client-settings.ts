// What every client needs to make a call, resolved once per backend by create.ts.
import type { CanonicalProvider } from '../config/provider-names.js';
import type { GenerationParameters } from '../config/schema.js';

export interface ClientSettings {
  provider: CanonicalProvider;
  model: string;
  apiBase: string;
  /** The key to send: the real one, or a placeholder in mock mode. */
  apiKey: string;
  /** The variable the key came from, for error messages; undefined when a placeholder is sent. */
  keyVariable: string | undefined;
  timeoutMs: number;
  parameters: GenerationParameters;
}
