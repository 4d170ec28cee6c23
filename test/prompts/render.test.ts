import { describe, expect, it } from 'vitest';
import type { PromptSpec } from '../../src/config/schema.js';
import { piqa } from '../../src/datasets/piqa.js';
import type { Sample } from '../../src/datasets/sample.js';
import { compilePrompt, tidy } from '../../src/prompts/render.js';

// The template as users write it in pipeline YAML; it must work verbatim.
const template = `{{ system_prompt }}
Question: {{ sample.goal }}
{% for label, text in (sample.metadata.option_map or {}).items() %}
{{ label }}. {{ text }}
{% endfor %}
{{ instruction }}
`;

const prompt: PromptSpec = {
  prompt_id: 'piqa_mc',
  renderer: 'jinja',
  params: { system_prompt: 'You are a careful assistant.', instruction: 'Answer with A or B.' },
  template,
  strict_undefined: true,
};

function piqaSample(): Sample {
  const result = piqa.apply(
    { goal: 'How do you loosen a tight jar lid?', sol1: 'Run it under hot water.', sol2: 'Freeze it.', label: 0 },
    1,
  );
  if (!result.ok) throw new Error(result.message);
  return result.sample;
}

describe('compilePrompt', () => {
  it('renders a piqa sample into one user message', () => {
    expect(compilePrompt(prompt)(piqaSample())).toEqual([
      {
        role: 'user',
        content: [
          'You are a careful assistant.',
          'Question: How do you loosen a tight jar lid?',
          'A. Run it under hot water.',
          'B. Freeze it.',
          'Answer with A or B.',
        ].join('\n'),
      },
    ]);
  });

  it('renders a sample without option_map (the `or {}` branch)', () => {
    const sample: Sample = { sample_id: 'row-0001', goal: 'Boil water', metadata: {} };
    expect(compilePrompt(prompt)(sample)[0]?.content).toBe(
      'You are a careful assistant.\nQuestion: Boil water\nAnswer with A or B.',
    );
  });

  it('exposes params under `params` too, and reuses one compiled template across samples', () => {
    const render = compilePrompt({ ...prompt, template: '{{ params.instruction }} {{ sample.sample_id }}' });
    expect(render({ sample_id: 'a', metadata: {} })[0]?.content).toBe('Answer with A or B. a');
    expect(render({ sample_id: 'b', metadata: {} })[0]?.content).toBe('Answer with A or B. b');
  });

  it('names the prompt when the template does not parse', () => {
    expect(() => compilePrompt({ ...prompt, template: '{{ sample.goal ' })).toThrow(
      /^prompt "piqa_mc": template does not parse: /,
    );
  });

  it('names the prompt and sample when rendering fails', () => {
    const render = compilePrompt({ ...prompt, template: '{{ no_such_function() }}' });
    expect(() => render({ sample_id: 'piqa-0003', metadata: {} })).toThrow(
      /^prompt "piqa_mc": rendering sample "piqa-0003" failed \(template\): Cannot call something that is not a function/,
    );
  });
});

describe('tidy', () => {
  it('trims blank edge lines and caps blank runs at one', () => {
    expect(tidy('\n  \n  Q\n\n\n \nA\n\n')).toBe('  Q\n\nA');
  });
});
