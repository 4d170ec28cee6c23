// The render budget: a template that loops or grows without bound stops the sample with a
// RenderBudgetError, quickly and without holding much memory; ordinary templates never notice.
import { describe, expect, it } from 'vitest';
import { RENDER_BUDGET } from '../../src/prompts/jinja/budget.js';
import { compileJinja, scopeOf } from '../../src/prompts/jinja/template.js';
import { compilePrompt } from '../../src/prompts/render.js';
import { prompt, sample } from './prompt.js';

const failureOf = (template: string): Error => {
  try {
    compilePrompt(prompt({ template }))(sample());
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${template} to fail`);
};

describe('the render budget', () => {
  it('refuses range(100000000) before making the list', () => {
    const error = failureOf('{% for i in range(100000000) %}{{ i }}{% endfor %}');
    expect(error.name).toBe('RenderBudgetError');
    expect(error.message).toBe(
      'prompt "p": rendering sample "s-0001" failed (template): the render made a list longer than 100,000 items (the render budget)',
    );
  });

  it('refuses a loop longer than what is left of the 100,000 steps before it starts', () => {
    const error = failureOf('{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}');
    expect(error.name).toBe('RenderBudgetError');
    expect(error.message).toContain('the render took more than 100,000 steps');
  });

  it('stops a string that doubles every turn once it passes 4,000,000 characters', () => {
    const error = failureOf('{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}');
    expect(error.message).toContain('the render made a string longer than 4,000,000 characters');
  });

  it('stops a list that doubles every turn', () => {
    const error = failureOf('{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}{% endfor %}');
    expect(error.message).toContain('the render made a list longer than 100,000 items');
  });

  it('stops output that grows past the budget in a loop', () => {
    const error = failureOf(`{% for i in range(30000) %}{{ "${'y'.repeat(200)}" }}{% endfor %}`);
    expect(error.message).toContain('the render made a string longer than 4,000,000 characters');
  });

  it('counts against the budget it is given', () => {
    const template = compileJinja('{% for i in range(5) %}{{ i }}{% endfor %}');
    const scope = scopeOf({});
    expect(template.render(scope, { strict: true })).toBe('01234');
    // The loop's five turns are charged when it starts, then each turn's block and expression.
    expect(() => template.render(scope, { strict: true, budget: { ...RENDER_BUDGET, maxSteps: 8 } })).toThrow('more than 8 steps');
    expect(template.render(scope, { strict: true, budget: { ...RENDER_BUDGET, maxSteps: 30 } })).toBe('01234');
    expect(() => template.render(scope, { strict: true, budget: { ...RENDER_BUDGET, maxChars: 4 } })).toThrow('longer than 4 characters');
    expect(() => template.render(scope, { strict: true, budget: { ...RENDER_BUDGET, maxItems: 4 } })).toThrow('longer than 4 items');
    const slow = compileJinja('{% for i in range(10000) %}{{ i }}{% endfor %}');
    expect(() => slow.render(scope, { strict: true, budget: { ...RENDER_BUDGET, maxMs: 0 } })).toThrow('longer than 0 ms');
  });
});

describe('the globals every render shares', () => {
  it('are not changed by what a render declares: set, macro and loop variables stay in that render', () => {
    const scope = scopeOf({});
    const shadowing = compileJinja('{% set none = "x" %}{% macro range() %}m{% endmacro %}{% for true in [1] %}{% endfor %}{{ none }}{{ range() }}');
    expect(shadowing.render(scope, { strict: true })).toBe('xm');
    const reading = compileJinja('{{ none is none }} {{ range(3) | length }} {{ true }}');
    expect(reading.render(scope, { strict: true })).toBe('true 3 true');
  });
});
