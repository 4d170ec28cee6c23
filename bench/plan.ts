// How big each benchmark is: the full run (`npm run bench`, under 10 minutes on 2 cores) and the
// quick one (`npm run bench -- --quick`, about 3 minutes) that checks the harness end to end and
// whose ratios must hold still from one run to the next. A marginal ratio is a slope between two
// sizes: each run's time varies by about 3% on its own (measured: 2 cores, KVM), which at 5 x 200
// against 5 x 1,000 made one repetition's ratio vary by about 9% and two quick runs' medians
// differ by up to 15%; from 5 x 200 to 5 x 2,000 the same noise is a third of the slope's share.

export interface Plan {
  mode: 'full' | 'quick';
  overhead: { sizes: [number, number]; repetitions: number; concurrency: number };
  /** Five OpenAI models over HTTP, evalmatrix in live mode against a raw SDK loop (scenarios/live.ts). */
  live: { sizes: [number, number]; repetitions: number; concurrency: number };
  latency: { samples: number; repetitions: number; concurrency: number; latencyMs: number };
  /** The largest size also runs in the threads pool and with V8's own heap pacing. */
  scale: { sizes: number[]; concurrency: number };
  lag: { samples: number; concurrency: number; burnMs: number };
  watch: { samples: number; concurrency: number; edits: number };
  /** Five providers under faults, without and with hanging requests (see scenarios/faults.ts). */
  faults: { samples: number; concurrency: number; timeoutS: number; repetitions: number };
  /** A watch rerun after a one-prompt edit, live, with recordings off and on: `samples` over `prompts`. */
  recordingsWatch: { samples: number; prompts: number; concurrency: number; latencyMs: number };
}

export function planFor(quick: boolean): Plan {
  return quick
    ? {
        mode: 'quick',
        overhead: { sizes: [200, 2000], repetitions: 3, concurrency: 32 },
        live: { sizes: [200, 2000], repetitions: 3, concurrency: 32 },
        latency: { samples: 200, repetitions: 1, concurrency: 32, latencyMs: 50 },
        scale: { sizes: [10_000], concurrency: 64 },
        lag: { samples: 500, concurrency: 64, burnMs: 2 },
        watch: { samples: 1_000, concurrency: 32, edits: 1 },
        faults: { samples: 200, concurrency: 32, timeoutS: 5, repetitions: 1 },
        recordingsWatch: { samples: 1_000, prompts: 5, concurrency: 32, latencyMs: 200 },
      }
    : {
        mode: 'full',
        overhead: { sizes: [1000, 5000], repetitions: 5, concurrency: 32 },
        live: { sizes: [1000, 5000], repetitions: 3, concurrency: 32 },
        latency: { samples: 1000, repetitions: 3, concurrency: 32, latencyMs: 50 },
        scale: { sizes: [10_000, 100_000], concurrency: 64 },
        lag: { samples: 10_000, concurrency: 64, burnMs: 2 },
        watch: { samples: 2_000, concurrency: 32, edits: 3 },
        // The fault run of issue 15 as it was reported: 5 x 500 at the default 60 s timeout.
        faults: { samples: 500, concurrency: 32, timeoutS: 60, repetitions: 1 },
        recordingsWatch: { samples: 2_000, prompts: 5, concurrency: 32, latencyMs: 500 },
      };
}
