// Keeps the event loop turning. Offline, the mocks answer a request entirely in promise
// callbacks (microtasks): a sample started in one turn of the event loop runs to its end in
// that same turn, and a loop that starts every free slot at once never lets timers, I/O or
// the channel to the reporter run (measured: stalls of 200–500 ms, and events piling up
// unsent). So the sample loop asks here before starting each sample: a turn ends after a few
// samples or a few milliseconds, whichever comes first. Against real servers, which answer
// through I/O, the wait is one setImmediate now and then.
const MAX_STARTS_PER_TURN = 4;
const MAX_TURN_MS = 5;

let turnStarted = performance.now();
let startsThisTurn = 0;
let waiting: Promise<void> | undefined;

/** Before starting a sample: a promise to await when the turn is over, else undefined. */
export function eventLoopTurn(): Promise<void> | undefined {
  if (waiting) return waiting;
  if (startsThisTurn < MAX_STARTS_PER_TURN && performance.now() - turnStarted < MAX_TURN_MS) {
    startsThisTurn += 1;
    return undefined;
  }
  waiting = new Promise<void>((resolve) =>
    setImmediate(() => {
      turnStarted = performance.now();
      startsThisTurn = 0;
      waiting = undefined;
      resolve();
    }),
  );
  return waiting;
}
