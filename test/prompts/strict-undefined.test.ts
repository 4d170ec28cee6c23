// strict_undefined: a field the sample lacks fails the sample naming the field, while the ways
// templates test for a field keep working; with strict_undefined: false it renders empty.
import { describe, expect, it } from 'vitest';
import { compilePrompt, PromptRenderError } from '../../src/prompts/render.js';
import { prompt, sample } from './prompt.js';

const render = (template: string, fields: Record<string, unknown> = {}, strict = true) =>
  compilePrompt(prompt({ template, strict_undefined: strict, params: { instruction: 'Be brief.' } }))(sample(fields))[0]?.content ?? '';

const failure = (template: string, fields: Record<string, unknown> = {}): PromptRenderError => {
  try {
    render(template, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(PromptRenderError);
    return error as PromptRenderError;
  }
  throw new Error(`expected ${template} to fail`);
};

describe('strict_undefined: true (the default)', () => {
  it.each([
    ['{{ sample.answer }}', 'sample.answer is undefined (printed)'],
    ['{{ sample.meta.source }}', 'sample.meta is undefined (reading sample.meta.source)'],
    ['{% for x in sample.choices %}{{ x }}{% endfor %}', 'sample.choices is undefined (looped over)'],
    ['{{ sample.answer | upper }}', 'sample.answer is undefined (filtered with upper)'],
    ['{{ "A: " ~ sample.answer }}', 'sample.answer is undefined (used with ~)'],
    ['{{ sample.examples[3] }}', 'sample.examples[3] is undefined (printed)'],
    ['{{ sample["the answer"] }}', 'sample["the answer"] is undefined (printed)'],
    ['{{ instructions }}', 'instructions is undefined (printed)'],
  ])('%s fails the sample: %s', (template, reason) => {
    const error = failure(template, { examples: ['a'] });
    expect(error.name).toBe('MissingVariableError');
    expect(error.message).toContain(`prompt "p": rendering sample "s-0001" failed (template): ${reason}`);
    expect(error.message).toContain('set strict_undefined: false');
  });

  it.each([
    ['{% if sample.context %}C{% else %}none{% endif %}', 'none'],
    ['{{ "yes" if sample.context is defined else "no" }}', 'no'],
    ['{{ "yes" if sample.context is undefined else "no" }}', 'yes'],
    ['{{ sample.context or "fallback" }}', 'fallback'],
    ['{{ sample.context | default("d") }}', 'd'],
    ['{{ (sample.metadata.option_map or {}) | length }}', '0'],
    ['{% for k, v in (sample.metadata.option_map or {}).items() %}{{ k }}{% endfor %}x', 'x'],
    ['{{ sample.goal }} {{ instruction }}', 'Boil water Be brief.'],
  ])('%s still renders as %s', (template, expected) => {
    expect(render(template, { goal: 'Boil water' })).toBe(expected);
  });

  it('renders a field whose value is null or false as the library does', () => {
    expect(render('[{{ sample.x }}][{{ sample.y }}]', { x: null, y: false })).toBe('[][false]');
  });
});

describe('strict_undefined: false', () => {
  it('renders missing fields empty, as @huggingface/jinja does', () => {
    expect(render('[{{ sample.answer }}][{{ sample.meta.source }}][{{ sample.answer | default("d") }}]', {}, false)).toBe('[][][d]');
  });
});
