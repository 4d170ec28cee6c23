// What one render may cost. A template is code a config author wrote and a dataset feeds, so a
// loop that never ends or a string that doubles every turn must stop the sample, not the run:
// every value the interpreter makes is checked against these limits as it is made. Steps are
// what bounds a runaway loop, the same on any machine and under any load (a few-shot prompt
// takes a few hundred; 100,000 of the costliest kind, loop turns, take about half a second);
// the clock only backs them up for the rare step that is slow by itself (sorting a long list).
export const RENDER_BUDGET: Readonly<RenderBudget> = {
  /** The longest string a render may make, the rendered text included (about 1M tokens). */
  maxChars: 4_000_000,
  /** The longest list a render may make; `range()` is refused past it before it allocates. */
  maxItems: 100_000,
  /** Expressions evaluated and blocks run (each loop turn is one), per render. */
  maxSteps: 100_000,
  /** Wall-clock milliseconds per render. */
  maxMs: 2_000,
};

export interface RenderBudget {
  maxChars: number;
  maxItems: number;
  maxSteps: number;
  maxMs: number;
}

export class RenderBudgetError extends Error {
  override readonly name = 'RenderBudgetError';
}

const format = (n: number) => n.toLocaleString('en-US');

export function overBudget(what: 'chars' | 'items' | 'steps' | 'time', budget: RenderBudget): RenderBudgetError {
  switch (what) {
    case 'chars':
      return new RenderBudgetError(`the render made a string longer than ${format(budget.maxChars)} characters (the render budget)`);
    case 'items':
      return new RenderBudgetError(`the render made a list longer than ${format(budget.maxItems)} items (the render budget)`);
    case 'steps':
      return new RenderBudgetError(`the render took more than ${format(budget.maxSteps)} steps (the render budget; a loop that does not end?)`);
    case 'time':
      return new RenderBudgetError(`the render took longer than ${format(budget.maxMs)} ms (the render budget)`);
  }
}
