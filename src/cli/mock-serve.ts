// `evalmatrix mock serve`: the provider mocks as real HTTP servers until SIGINT or SIGTERM;
// with --config, the pipeline's backends that set mock_reply are answered with their templates.
import { ConfigError } from '../config/errors.js';
import { loadPipeline } from '../config/load.js';
import { promptChecks } from '../prompts/checks.js';
import { registerMockReplies } from '../mocks/replies/register.js';
import { SERVABLE_MOCKS, mockProviderNamed, MockServeError, portVariable, startMockServers, type MockServers, type ServedMock } from '../mocks/server.js';
import type { ServableMock } from '../mocks/ports.js';
import type { CliIO } from './io.js';

export interface MockServeArgs {
  /** Comma-separated mock names, or undefined for the five providers. */
  only?: string;
  /** A pipeline YAML whose backends' mock_reply templates the mocks answer with. */
  config?: string;
}

export async function runMockServe(args: MockServeArgs, io: CliIO): Promise<number> {
  let only: ServableMock[] | undefined;
  let unregister = (): void => undefined;
  try {
    only = args.only === undefined ? undefined : parseOnly(args.only);
    if (args.config !== undefined) unregister = registerPipelineReplies(args.config, io);
  } catch (error) {
    io.err(error instanceof ConfigError ? error.message : `evalmatrix mock serve: ${(error as Error).message}`);
    return 1;
  }
  let servers: MockServers;
  try {
    servers = await startMockServers(only === undefined ? {} : { only });
  } catch (error) {
    unregister();
    if (!(error instanceof MockServeError)) throw error;
    io.err(`evalmatrix mock serve: ${error.message}`);
    return 1;
  }
  const width = (pick: (s: ServedMock) => string): number => Math.max(...servers.served.map((s) => pick(s).length));
  const [names, bases] = [width((s) => s.provider), width((s) => s.base)];
  io.out(`evalmatrix mock serve: ${servers.served.length} mock${servers.served.length === 1 ? '' : 's'} on 127.0.0.1`);
  for (const s of servers.served) io.out(`  ${s.provider.padEnd(names)}  ${s.base.padEnd(bases)}  ${portVariable(s.provider)}=${s.port}`);
  // Printed last: whoever waits for it knows every server is listening.
  io.out('ready; Ctrl-C stops them');
  await stopped(io.stop);
  await servers.close();
  unregister();
  io.out('evalmatrix mock serve: stopped');
  return 0;
}

/** Registers the pipeline's mock_reply templates (checked as at load) and says which. */
function registerPipelineReplies(file: string, io: CliIO): () => void {
  // Only what serving needs is checked (mock_reply templates parse): a pipeline whose metrics are
  // registered from TypeScript still serves its backends' replies.
  const { spec } = loadPipeline(file, { checks: [promptChecks()] });
  const replying = spec.backends.filter((b) => b.config.mock_reply !== undefined);
  for (const b of replying) io.out(`mock_reply: ${b.backend_id} (${b.config.provider} ${b.config.model})`);
  if (replying.length === 0) io.out(`mock_reply: no backend of ${file} sets one; the mocks echo`);
  return registerMockReplies(spec.backends, process.env);
}

function parseOnly(list: string): ServableMock[] {
  const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Error(`--only needs at least one of: ${SERVABLE_MOCKS.join(', ')}`);
  const chosen = names.map((name) => {
    const provider = mockProviderNamed(name);
    if (provider === undefined) throw new Error(`--only: unknown mock "${name}"; known: ${SERVABLE_MOCKS.join(', ')} (google, xai and moonshot also work)`);
    return provider;
  });
  return [...new Set(chosen)];
}

function stopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
