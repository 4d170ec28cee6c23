// A prompt rendered into chat messages, per sample. `template` is one user message; `messages`
// are messages in order, where a `for_each` entry repeats its own messages once per item of a
// list (few-shot turns from the data). Each text is Jinja with `sample` and the params in scope
// (bare, {{ instruction }}, and as {{ params.instruction }}), rendered in the sandbox (jinja/):
// under the render budget, and with strict_undefined a missing field fails the sample naming it.
// A message whose text renders to nothing is left out, so `{% if %}` can make one optional.
import type { PromptSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { ChatMessage } from '../providers/types.js';
import { RenderBudgetError } from './jinja/budget.js';
import { MissingVariableError } from './jinja/missing.js';
import { compileJinja, compileJinjaExpression, JinjaSyntaxError, scopeOf, type JinjaTemplate, type RenderOptions, type Scope } from './jinja/template.js';

/** Where a text sits in its prompt: ['template'], ['messages', 2, 'content'], ['messages', 1, 'for_each']… */
export type TextPath = Array<string | number>;

/** `vars` join the scope beside `sample` (a judge's rubric gets `output` and `reference`). */
export type RenderPrompt = (sample: Sample, vars?: Readonly<Record<string, unknown>>) => ChatMessage[];

interface CompiledMessage {
  role: ChatMessage['role'];
  template: JinjaTemplate;
  path: TextPath;
}

type Part = CompiledMessage | { loop: ReturnType<typeof compileJinjaExpression>; as: string; path: TextPath; messages: CompiledMessage[] };

/** The loop variable when `as` is not given: `{{ example.question }}`. */
const DEFAULT_LOOP_VARIABLE = 'example';

/** Parses every text once (throws PromptSyntaxError naming each that does not parse); the
 *  returned function runs per sample. */
export function compilePrompt(prompt: PromptSpec): RenderPrompt {
  const errors: SyntaxProblem[] = [];
  const parsed = <T>(path: TextPath, compile: () => T): T => {
    try {
      return compile();
    } catch (error) {
      if (!(error instanceof JinjaSyntaxError)) throw error;
      errors.push({ path, reason: error.message });
      return undefined as T;
    }
  };
  const message = (role: ChatMessage['role'], text: string, path: TextPath): CompiledMessage => ({ role, template: parsed(path, () => compileJinja(text)), path });
  const parts: Part[] = (prompt.messages ?? [{ role: 'user' as const, content: prompt.template ?? '' }]).map((entry, j): Part => {
    const at: TextPath = prompt.messages ? ['messages', j] : [];
    if (entry.for_each === undefined) return message(entry.role ?? 'user', entry.content ?? '', prompt.messages ? [...at, 'content'] : ['template']);
    const forEach = entry.for_each;
    return {
      loop: parsed([...at, 'for_each'], () => compileJinjaExpression(forEach)),
      as: entry.as ?? DEFAULT_LOOP_VARIABLE,
      path: [...at, 'for_each'],
      messages: (entry.messages ?? []).map((m, k) => message(m.role, m.content, [...at, 'messages', k, 'content'])),
    };
  });
  if (errors.length > 0) throw new PromptSyntaxError(prompt.prompt_id, errors);
  const base = scopeOf({ ...prompt.params, params: prompt.params });
  const options: RenderOptions = { strict: prompt.strict_undefined };

  return (sample, vars) => {
    const scope = scopeOf({ ...vars, sample }, base);
    const out: ChatMessage[] = [];
    const emit = (m: CompiledMessage, at: Scope) => {
      const content = tidy(rendered(prompt, sample, m.path, () => m.template.render(at, options)));
      if (content !== '') out.push({ role: m.role, content });
    };
    for (const part of parts) {
      if (!('loop' in part)) {
        emit(part, scope);
        continue;
      }
      const items = rendered(prompt, sample, part.path, () => listOf(part.loop.evaluate(scope, options)));
      items.forEach((item, index) => {
        const loop = { index: index + 1, index0: index, first: index === 0, last: index === items.length - 1, length: items.length };
        const turn = scopeOf({ [part.as]: item, loop }, scope);
        for (const m of part.messages) emit(m, turn);
      });
    }
    return out;
  };
}

export interface SyntaxProblem {
  path: TextPath;
  /** The Jinja parser's reason. */
  reason: string;
}

/** Texts that do not parse, each named by prompt and place (`messages[1].content`). */
export class PromptSyntaxError extends Error {
  override readonly name = 'PromptSyntaxError';
  constructor(readonly promptId: string, readonly problems: SyntaxProblem[]) {
    super(problems.map(({ path, reason }) => `prompt "${promptId}": ${describeTextPath(path)} does not parse: ${reason}`).join('\n'));
  }
}

/** A sample the prompt could not be rendered for: the sample goes to a prompt sample_error. */
export class PromptRenderError extends Error {
  override readonly name: string;
  constructor(prompt: PromptSpec, sample: Sample, path: TextPath, cause: unknown) {
    super(`prompt "${prompt.prompt_id}": rendering sample "${sample.sample_id}" failed (${describeTextPath(path)}): ${reasonOf(cause)}`, { cause });
    // The kind of failure is the sample_error's error_type.
    this.name = cause instanceof MissingVariableError || cause instanceof RenderBudgetError ? cause.name : 'PromptRenderError';
  }
}

function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof MissingVariableError) {
    return `${message}; strict_undefined is on: give it a default ({{ ${cause.path} | default('') }}, {% if ${cause.path} is defined %}) or set strict_undefined: false`;
  }
  return message;
}

function rendered<T>(prompt: PromptSpec, sample: Sample, path: TextPath, render: () => T): T {
  try {
    return render();
  } catch (error) {
    throw new PromptRenderError(prompt, sample, path, error);
  }
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new Error(`for_each gives ${typeof value === 'object' ? 'a mapping' : `a ${typeof value}`}, not a list`);
}

/** `messages[2].content`, as errors name a text. */
function describeTextPath(path: TextPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Drops blank lines at both ends and caps runs of blank lines at one. */
export function tidy(text: string): string {
  return text
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .trimEnd()
    .replace(/\n(?:[ \t]*\r?\n){2,}/g, '\n\n');
}
