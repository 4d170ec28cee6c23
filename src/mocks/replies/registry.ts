// mock_reply: a backend's Jinja template that the mocks answer its requests with instead of the
// echo. Templates are registered process-wide, keyed by the endpoint a backend calls (its base
// URL) and its model, so two backends on one mock with different models get their own replies;
// a request finds its template by the URL it was sent to and the model it names. Kept on
// globalThis, as the interception is, because a module can be loaded more than once (source and
// built copies, Vitest module graphs) while the mocks that read it are process-wide.
import { compileJinja, scopeOf, type JinjaTemplate } from '../../prompts/jinja/template.js';
import type { ChatTurn } from '../forward.js';

/** What a mock_reply template sees of the intercepted request. */
export interface MockReplyRequest {
  model: string;
  /** The conversation as chat messages (a provider's top-level system prompt comes first as a
   *  system message; Gemini's `model` turns as assistant; a native route's prompt as one user message). */
  messages: ChatTurn[];
  /** The content of the last message. */
  last_message: string;
}

export interface MockReplyEntry {
  /** The backend's api_base, as its client sends it. */
  base: string;
  model: string;
  template: string;
}

interface Registered {
  origin: string;
  path: string;
  model: string;
  template: JinjaTemplate;
}

const REGISTRY = Symbol.for('evalmatrix.mocks.replies');
type WithRegistry = typeof globalThis & { [REGISTRY]?: Registered[] };
const registry = (): Registered[] => ((globalThis as WithRegistry)[REGISTRY] ??= []);

/** Registers a template (compiled now: a syntax error throws here); the result removes it. */
export function registerMockReply(entry: MockReplyEntry): () => void {
  const registered: Registered = { ...endpointOf(entry.base), model: entry.model, template: compileJinja(entry.template) };
  registry().push(registered);
  return () => {
    const all = registry();
    const at = all.indexOf(registered);
    if (at !== -1) all.splice(at, 1);
  };
}

export type MockReply = (request: MockReplyRequest) => string;

/**
 * The template for a request sent to `url` for `model` (native routes name none), or
 * undefined. The endpoint is matched whole first; failing that by path alone, because `mock
 * serve` on a moved port sees requests on the port the backend's api_base names, not the
 * mock's default. Of several matches the latest registered wins.
 */
export function mockReplyFor(url: string, model: string | undefined): MockReply | undefined {
  if (registry().length === 0) return undefined;
  const endpoint = endpointOf(stripRoute(url));
  const candidates = registry().filter((r) => r.path === endpoint.path && (model === undefined || r.model === model));
  const found = candidates.findLast((r) => r.origin === endpoint.origin) ?? candidates.at(-1);
  if (found === undefined) return undefined;
  return (request) => found.template.render(scopeOf({ ...request }), { strict: true });
}

// The routes the mocks answer, by what a client appends to its api_base. Gemini's client adds
// the version itself, so a Gemini base is registered without one (see register.ts).
const ROUTES = [/\/chat\/completions$/, /\/v1\/messages$/, /\/v1(?:beta)?\/models\/[^/]+$/, /\/generate(?:_stream)?$/];

function stripRoute(url: string): string {
  const parsed = new URL(url);
  const path = ROUTES.reduce((p, route) => p.replace(route, ''), parsed.pathname);
  return `${parsed.origin}${path}`;
}

/** Origin with `localhost` as 127.0.0.1 (the mocks answer both), and the path without a trailing slash. */
function endpointOf(base: string): { origin: string; path: string } {
  const parsed = new URL(base);
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') };
}
