// A BackendSpec with the schema's defaults, for tests that only care about a few fields.
import type { BackendConfig, BackendSpec } from '../../src/config/schema.js';

export function backend(config: Partial<BackendConfig> & Pick<BackendConfig, 'provider' | 'model'>): BackendSpec {
  return { backend_id: 'test', type: 'litellm', config: { timeout: 60, generation_parameters: {}, ...config } };
}

export const USER_ONLY = [{ role: 'user' as const, content: 'Which is heavier, A or B?' }];
