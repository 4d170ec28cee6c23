// One Jinja text, parsed once and rendered per sample inside the sandbox: the library's parser
// (with trim_blocks and lstrip_blocks, as chat templates use it), the sandboxed interpreter,
// and globals of our own (a `range` that refuses a list past the budget before making it).
import { Environment, Template } from '@huggingface/jinja';
import { overBudget, RENDER_BUDGET, type RenderBudget } from './budget.js';
import { SandboxInterpreter } from './interpreter.js';
import { isMissing, MissingVariableError, type AstNode } from './missing.js';
import { isString, toJs, toRuntime, type RuntimeValue } from './values.js';

export class JinjaSyntaxError extends Error {
  override readonly name = 'JinjaSyntaxError';
}

/** Variables converted once (a sample is rendered into several messages) and shared by renders. */
export type Scope = ReadonlyMap<string, RuntimeValue>;

export function scopeOf(variables: Record<string, unknown>, base?: Scope): Scope {
  const scope = new Map(base);
  for (const [name, value] of Object.entries(variables)) scope.set(name, toRuntime(value));
  return scope;
}

export interface RenderOptions {
  strict: boolean;
  budget?: RenderBudget;
}

export interface JinjaTemplate {
  render(scope: Scope, options: RenderOptions): string;
}

export interface JinjaExpression {
  /** The expression's value as plain JS; a missing one is undefined unless strict. */
  evaluate(scope: Scope, options: RenderOptions): unknown;
}

/** Throws JinjaSyntaxError with the parser's reason. */
export function compileJinja(text: string): JinjaTemplate {
  const program = parse(text);
  return {
    render(scope, options) {
      const result = run(program, scope, options);
      return isString(result) ? result.value : '';
    },
  };
}

/** A bare expression (`sample.examples[:3]`), as `for_each` takes one. */
export function compileJinjaExpression(text: string): JinjaExpression {
  const body = (parse(`{{ ${text} }}`).body as AstNode[] | undefined) ?? [];
  const expression = body[0];
  if (body.length !== 1 || expression === undefined) {
    throw new JinjaSyntaxError('expected one expression, such as sample.examples');
  }
  return {
    evaluate(scope, options) {
      const value = run(expression, scope, options);
      if (isMissing(value)) {
        if (options.strict) throw new MissingVariableError(value.path, 'looped over');
        return undefined;
      }
      return toJs(value);
    },
  };
}

function parse(text: string): AstNode {
  try {
    return new Template(text).parsed as unknown as AstNode;
  } catch (error) {
    throw new JinjaSyntaxError(syntaxReason(error));
  }
}

function run(node: AstNode, scope: Scope, { strict, budget = RENDER_BUDGET }: RenderOptions): RuntimeValue {
  const env = new Environment(globalsFor(budget));
  // A param may shadow a global (a param called `range`): the globals are the parent scope.
  for (const [name, value] of scope) env.setVariable(name, value);
  return new SandboxInterpreter(env, { strict, budget }).evaluate(node, env);
}

// The globals, made once per budget and shared as every render's parent scope: a template can
// only declare variables in its own scope (set, for, macro), never change a global.
const globalsByBudget = new WeakMap<RenderBudget, Environment>();

function globalsFor(budget: RenderBudget): Environment {
  let env = globalsByBudget.get(budget);
  if (env === undefined) {
    env = globals(budget);
    globalsByBudget.set(budget, env);
  }
  return env;
}

function globals(budget: RenderBudget): Environment {
  const env = new Environment();
  for (const [name, value] of Object.entries({ true: true, false: false, none: null, True: true, False: false, None: null })) env.set(name, value);
  env.set('raise_exception', (message: unknown) => {
    throw new Error(String(message));
  });
  env.set('range', (...args: unknown[]) => range(args, budget));
  return env;
}

/** Python's range(stop) / range(start, stop[, step]), refused before allocating past the budget. */
function range(args: unknown[], budget: RenderBudget): number[] {
  const numbers = args.map((arg) => {
    if (!Number.isInteger(arg)) throw new Error(`range() takes whole numbers, got ${JSON.stringify(arg)}`);
    return arg as number;
  });
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 1];
  if (step === 0) throw new Error('range() step must not be zero');
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (length > budget.maxItems) throw overBudget('items', budget);
  return Array.from({ length }, (_, i) => start + i * step);
}

// The parser throws SyntaxError with a reason; a template that ends inside a block makes it
// read past the last token instead (a TypeError), which says nothing to a user.
function syntaxReason(error: unknown): string {
  if (error instanceof SyntaxError) return error.message;
  if (error instanceof TypeError) return 'the template ends inside a block: a {% for %}, {% if %}, {% macro %} or {% filter %} without its end tag';
  return error instanceof Error ? error.message : String(error);
}
