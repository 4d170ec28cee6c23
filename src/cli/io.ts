// Where a command writes, and what stops a long-running one: the real terminal and signals in
// bin/evalmatrix.js, buffers and an AbortSignal in tests.
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Ends a long-running command (mock serve); bin/evalmatrix.js wires SIGINT and SIGTERM to it. */
  stop?: AbortSignal;
}
