// Whole cases under injected faults, on every provider: throttling and server faults cost
// retries, never samples; a broken body costs the sample, named, and the rest go on.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMockHandlers, startMockInterception, type MockOptions } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry } from '../../src/providers/index.js';
import { emittedEventSchema, type EmittedEvent } from '../../src/runner/events.js';
import { runCase } from '../../src/runner/run-case.js';
import { everyProviderCases } from './pipeline.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function runAll(mock: MockOptions, options: Parameters<typeof everyProviderCases>[0]) {
  server.use(...createMockHandlers(mock));
  const limiters = new LimiterRegistry();
  return Promise.all(
    everyProviderCases(options).map(async (spec) => {
      const events: EmittedEvent[] = [];
      const client = createProviderClient(spec.backend, { env: {}, allowMissingKey: true, limiters });
      const summary = await runCase(spec, { mode: 'mock', client, emit: (e) => void events.push(emittedEventSchema.parse(e)) });
      return { model: spec.model, summary, events };
    }),
  );
}

describe('faults in a run', () => {
  it('20% throttled or failing: every sample of every provider is scored, some after retries', async () => {
    const runs = await runAll({ faults: { rate_limit: 0.15, server_error: 0.05 }, seed: 7 }, { samples: 30 });
    let retried = 0;
    for (const { model, summary, events } of runs) {
      expect({ model, errors: summary.error_count, samples: summary.sample_count, status: summary.status }).toEqual({ model, errors: 0, samples: 30, status: 'passed' });
      const ends = events.filter((e) => e.event === 'inference_end');
      expect(ends).toHaveLength(30);
      retried += ends.filter((e) => e.payload.attempts > 1).length;
    }
    // 210 calls at 20%: some took more than one attempt.
    expect(retried).toBeGreaterThan(10);
  });

  it('the same seed gives the same attempts per sample', async () => {
    const attempts = async () =>
      (await runAll({ faults: { rate_limit: 0.3 }, seed: 11 }, { samples: 10 })).map(({ events }) =>
        events.flatMap((e) => (e.event === 'inference_end' ? [`${e.sample_id}:${e.payload.attempts}`] : [])).sort(),
      );
    expect(await attempts()).toEqual(await attempts());
  });

  it('every body malformed: every sample is a sample_error naming what is wrong; the case ends whole', async () => {
    const runs = await runAll({ faults: { malformed: 1 }, seed: 7 }, { samples: 6 });
    for (const { summary, events } of runs) {
      expect(summary).toMatchObject({ sample_count: 6, error_count: 6, status: 'failed' });
      const errors = events.filter((e) => e.event === 'sample_error');
      expect(errors).toHaveLength(6);
      for (const error of errors) {
        expect(error.payload).toMatchObject({ stage: 'inference', error_type: 'provider_malformed', status: null, attempts: 1 });
        expect(error.payload.message).toMatch(/malformed response: (missing \w+|the body is not valid JSON)/);
      }
      expect(events.at(-1)!.event).toBe('case_end');
    }
  });

  it('retries exhausted: a sample_error with provider, status, message and attempts; the other samples go on', async () => {
    // Every request to one prompt is throttled; the rest pass.
    const runs = await runAll({ faults: { rate_limit: 1 }, seed: 7 }, { samples: 2, backendExtra: 'max_retries: 2', maxErrors: 2 });
    for (const { events } of runs) {
      const errors = events.filter((e) => e.event === 'sample_error');
      expect(errors).toHaveLength(2);
      expect(errors[0]!.payload).toMatchObject({ stage: 'inference', error_type: 'provider_http', status: 429, attempts: 3 });
      expect(errors[0]!.payload.message).toMatch(/^\w+ 429: .+ \(gave up after 3 attempts\)$/);
    }
  });
});
