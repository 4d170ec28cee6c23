// Recordings as one participant of the process's interception (mocks/interception-core.ts):
// asked before the mocks when both run (it joins after them, and the latest is asked first), or
// alone in live mode, where whatever it does not answer goes out to the network as it would
// without it. Its own handler, not a rewrite of the core: the core only offers each request.
import { HttpHandler, passthrough } from 'msw';
import { joinInterception } from '../mocks/interception-core.js';
import type { ActiveRecordingSettings } from './mode.js';
import { recorder, type Recorder } from './recorder.js';
import type { Warn } from './recordings-file.js';
import { RecordingsStore } from './store.js';

export interface Recordings {
  readonly store: RecordingsStore;
  /** Stops intercepting, then waits for the answers being recorded and, in `record`, rewrites the files. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Live mode: misses go to the network and are recorded. Mock mode: misses go to the mocks. */
  live: boolean;
  warn?: Warn;
}

export function startRecordings(settings: ActiveRecordingSettings, options: StartOptions): Recordings {
  const warn = options.warn ?? ((message: string) => console.warn(`evalmatrix recordings: ${message}`));
  const store = new RecordingsStore(settings.dir, settings.mode, warn);
  const answer = recorder({ store, live: options.live, warn });
  // Alone in live mode: what it leaves must go out (passthrough), not fail as unanswered.
  const handler = new RecorderHandler(options.live ? async (request) => (await answer(request)) ?? passthrough() : answer);
  const leave = joinInterception(
    { handlers: () => [handler] },
    { unanswered: (request) => new Error(`evalmatrix recordings: nothing answered ${request.method} ${new URL(request.url).origin}${new URL(request.url).pathname}`) },
  );
  return {
    store,
    async close() {
      leave();
      await store.close();
    },
  };
}

type RunArgs = Parameters<HttpHandler['run']>[0];
type RunResult = Awaited<ReturnType<HttpHandler['run']>>;

/** An msw handler that hands every request to the recorder and answers with what it returns. */
class RecorderHandler extends HttpHandler {
  constructor(private readonly answer: Recorder) {
    super(/.+/, '*', () => undefined);
  }

  override async run({ request, requestId }: RunArgs): Promise<RunResult> {
    const response = await this.answer(request);
    return response === undefined ? null : { handler: this, request, requestId, response };
  }
}
