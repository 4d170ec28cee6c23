// Options every mock handler factory takes.

export interface MockOptions {
  /** Delay before each answer, in ms (EVALMATRIX_MOCK_LATENCY_MS, read by whoever starts the mocks). */
  latencyMs?: number;
}
