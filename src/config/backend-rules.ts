// Rules on backends the schema cannot express. A key belongs in the environment: one written
// into api_base's userinfo (http://user:sk-…@host) would be sent, retried, and copied into
// summary.json and every error message that names the base.
import type { PathIssue } from './locate.js';
import type { PipelineSpec } from './schema.js';

export function checkBackends(spec: PipelineSpec): PathIssue[] {
  return spec.backends.flatMap((backend, i) => {
    const base = backend.config.api_base;
    if (base === undefined || !hasUserinfo(base)) return [];
    // The value is never quoted: it holds a credential.
    return [
      {
        path: ['backends', i, 'config', 'api_base'],
        message: `backend "${backend.backend_id}": api_base carries a user name or password (user:password@host); credentials are never taken from the config`,
        hint: 'Remove the "user:password@" part and put the key in an environment variable named by api_key_env',
      },
    ];
  });
}

function hasUserinfo(base: string): boolean {
  try {
    const url = new URL(base);
    return url.username !== '' || url.password !== '';
  } catch {
    return /\/\/[^/@]*@/.test(base);
  }
}
