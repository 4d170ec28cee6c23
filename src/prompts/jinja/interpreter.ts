// @huggingface/jinja's interpreter with a budget and strict undefined (see budget.ts,
// missing.ts). The library declares the methods it dispatches to as private, so they are
// overridden through a structural view of the class; `super` still runs the library's own code,
// handed operands the sandbox has already evaluated (an Evaluated node) so nothing runs twice.
import { Interpreter, type Environment } from '@huggingface/jinja';
import { overBudget, type RenderBudget } from './budget.js';
import { describeExpression, isMissing, Missing, MissingVariableError, type AstNode } from './missing.js';
import { isArray, isString, isUndefined, lengthOf, StringValue, type RuntimeValue } from './values.js';

interface Hooks {
  evaluate(node: AstNode | undefined, env: Environment): RuntimeValue;
  evaluateBlock(statements: AstNode[], env: Environment): RuntimeValue;
  evaluateIdentifier(node: AstNode, env: Environment): RuntimeValue;
  evaluateMemberExpression(node: AstNode, env: Environment): RuntimeValue;
  evaluateBinaryExpression(node: AstNode, env: Environment): RuntimeValue;
  evaluateFor(node: AstNode, env: Environment): RuntimeValue;
  applyFilter(operand: RuntimeValue, filter: AstNode, env: Environment): RuntimeValue;
}
const Base = Interpreter as unknown as new (env: Environment) => Hooks;

/** A node standing for a value already computed. */
const EVALUATED = 'EvalmatrixEvaluated';
const evaluated = (value: RuntimeValue): AstNode => ({ type: EVALUATED, value });

/** What may be done with a missing value without an error. */
const TOLERANT_FILTERS = new Set(['default']);

export interface SandboxOptions {
  budget: RenderBudget;
  /** strict_undefined: a missing variable or field fails when used. */
  strict: boolean;
}

/** The clock is read once per this many steps. */
const CLOCK_EVERY = 64;

export class SandboxInterpreter extends Base {
  private steps = 0;
  private sinceClock = 0;
  private readonly started = performance.now();

  constructor(env: Environment, private readonly options: SandboxOptions) {
    super(env);
  }

  override evaluate(node: AstNode | undefined, env: Environment): RuntimeValue {
    if (node?.type === EVALUATED) return node.value as RuntimeValue;
    this.step();
    return this.checked(super.evaluate(node, env));
  }

  // The library's block, plus a step per run (a loop turn is one) and the strict check on what
  // each statement prints.
  override evaluateBlock(statements: AstNode[], env: Environment): RuntimeValue {
    this.step();
    let text = '';
    for (const statement of statements) {
      const value = this.evaluate(statement, env);
      if (isMissing(value) && this.options.strict) throw new MissingVariableError(value.path, 'printed');
      if (value.type !== 'NullValue' && value.type !== 'UndefinedValue') text += value.toString();
    }
    return this.checked(new StringValue(text));
  }

  override evaluateIdentifier(node: AstNode, env: Environment): RuntimeValue {
    const value = super.evaluateIdentifier(node, env);
    return this.options.strict && isUndefined(value) && !isMissing(value) ? new Missing(String(node.value)) : value;
  }

  override evaluateMemberExpression(node: AstNode, env: Environment): RuntimeValue {
    const object = this.evaluate(node.object as AstNode, env);
    const property = node.property as AstNode;
    const key = node.computed && property.type !== 'SliceExpression' ? this.evaluate(property, env) : undefined;
    const resolved = { ...node, object: evaluated(object), ...(key ? { property: evaluated(key) } : {}) };
    if (!this.options.strict) return super.evaluateMemberExpression(resolved, env);
    const path = describeExpression(node, key);
    if (isMissing(object)) throw new MissingVariableError(object.path, `reading ${path}`);
    const value = super.evaluateMemberExpression(resolved, env);
    return isUndefined(value) && !isMissing(value) ? new Missing(path) : value;
  }

  override evaluateBinaryExpression(node: AstNode, env: Environment): RuntimeValue {
    const operator = String((node.operator as AstNode).value);
    const left = this.evaluate(node.left as AstNode, env);
    // and/or look at the left side's truth only, and may not need the right side at all.
    if (operator === 'and' || operator === 'or') return super.evaluateBinaryExpression({ ...node, left: evaluated(left) }, env);
    const right = this.evaluate(node.right as AstNode, env);
    if (this.options.strict) {
      for (const side of [left, right]) if (isMissing(side)) throw new MissingVariableError(side.path, `used with ${operator}`);
    }
    return super.evaluateBinaryExpression({ ...node, left: evaluated(left), right: evaluated(right) }, env);
  }

  // A loop is charged its turns before the library prepares them (it makes a closure per item
  // up front), so a loop too long for what is left of the budget fails before it starts.
  override evaluateFor(node: AstNode, env: Environment): RuntimeValue {
    const iterable = node.iterable as AstNode;
    const select = iterable.type === 'SelectExpression';
    const items = this.evaluate((select ? iterable.lhs : iterable) as AstNode, env);
    if (this.options.strict && isMissing(items)) throw new MissingVariableError(items.path, 'looped over');
    this.step(lengthOf(items));
    return super.evaluateFor({ ...node, iterable: select ? { ...iterable, lhs: evaluated(items) } : evaluated(items) }, env);
  }

  override applyFilter(operand: RuntimeValue, filter: AstNode, env: Environment): RuntimeValue {
    if (this.options.strict && isMissing(operand)) {
      const name = String(filter.type === 'CallExpression' ? (filter.callee as AstNode).value : filter.value);
      if (!TOLERANT_FILTERS.has(name)) throw new MissingVariableError(operand.path, `filtered with ${name}`);
    }
    return super.applyFilter(operand, filter, env);
  }

  private step(count = 1): void {
    this.steps += count;
    if (this.steps > this.options.budget.maxSteps) throw overBudget('steps', this.options.budget);
    if (++this.sinceClock < CLOCK_EVERY) return;
    this.sinceClock = 0;
    if (performance.now() - this.started > this.options.budget.maxMs) throw overBudget('time', this.options.budget);
  }

  private checked(value: RuntimeValue): RuntimeValue {
    if (isString(value) && value.value.length > this.options.budget.maxChars) throw overBudget('chars', this.options.budget);
    if (isArray(value) && value.value.length > this.options.budget.maxItems) throw overBudget('items', this.options.budget);
    return value;
  }
}
