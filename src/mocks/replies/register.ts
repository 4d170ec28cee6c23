// Registering a pipeline's mock_reply templates with the mocks: each backend that sets one, at
// the base its client will call (resolved as the client resolves it). Used by the eval suites in
// mock mode and by `evalmatrix mock serve --config`.
import type { BackendSpec } from '../../config/schema.js';
import { resolveProvider } from '../../providers/resolve.js';
import { registerMockReply } from './registry.js';

export function registerMockReplies(backends: readonly BackendSpec[], env: Record<string, string | undefined>): () => void {
  const removals = backends.flatMap(({ config }) => {
    if (config.mock_reply === undefined) return [];
    let resolved;
    try {
      resolved = resolveProvider(config, env);
    } catch {
      // No endpoint to answer at (azure without one, say): its client fails the case, saying why.
      return [];
    }
    const { provider, apiBase } = resolved;
    // The Gemini client appends /v1beta (or keeps a version the base ends with) before /models.
    const base = provider === 'gemini' ? apiBase.replace(/\/v1(beta)?\/*$/, '') : apiBase;
    return [registerMockReply({ base, model: config.model, template: config.mock_reply })];
  });
  return () => {
    for (const remove of removals) remove();
  };
}
