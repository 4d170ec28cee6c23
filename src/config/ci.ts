// Running in CI (the CI variable, which GitHub Actions, GitLab, CircleCI and most others set),
// and what that changes: no progress lines by default, and a live case without its key fails the
// run instead of being skipped — unless its backend says `on_missing_key: skip`.
import type { BackendConfig } from './schema.js';

export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI;
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}

/** What a live case does when its backend's key is missing: the backend's own say, else fail in CI, skip elsewhere. */
export function onMissingKey(config: Pick<BackendConfig, 'on_missing_key'> | undefined, env: Record<string, string | undefined> = process.env): 'skip' | 'fail' {
  return config?.on_missing_key ?? (isCI(env) ? 'fail' : 'skip');
}
