// What every protocol needs to make a call, resolved once per backend by create.ts.
import type { CanonicalProvider } from '../config/provider-names.js';

export interface ClientSettings {
  provider: CanonicalProvider;
  model: string;
  apiBase: string;
  /** The key to send: the real one, a placeholder in mock mode, or '' when a self-hosted server needs none. */
  apiKey: string;
  /** The variable the key came from, for error messages; undefined when none was set. */
  keyVariable: string | undefined;
  /** One attempt's whole exchange, the body included. */
  timeoutMs: number;
  stream: boolean;
}
