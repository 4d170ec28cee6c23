// Chat prompts: messages with roles, few-shot turns from a for_each loop or written out, a loop
// inside one message's content, optional messages.
import { describe, expect, it } from 'vitest';
import { compilePrompt, PromptSyntaxError } from '../../src/prompts/render.js';
import { prompt, sample } from './prompt.js';

const examples = [
  { question: '2 + 2?', answer: '4' },
  { question: '3 + 5?', answer: '8' },
];

describe('messages', () => {
  it('renders each message with its role, the params and the sample in scope', () => {
    const render = compilePrompt(
      prompt({
        params: { persona: 'a terse tutor' },
        messages: [
          { role: 'system', content: 'You are {{ persona }}.' },
          { role: 'user', content: 'Q: 1 + 1?' },
          { role: 'assistant', content: 'A: 2' },
          { role: 'user', content: 'Q: {{ sample.question }} ({{ params.persona }})' },
        ],
      }),
    );
    expect(render(sample({ question: '7 - 3?' }))).toEqual([
      { role: 'system', content: 'You are a terse tutor.' },
      { role: 'user', content: 'Q: 1 + 1?' },
      { role: 'assistant', content: 'A: 2' },
      { role: 'user', content: 'Q: 7 - 3? (a terse tutor)' },
    ]);
  });

  it('turns a for_each over sample.examples into one user/assistant pair per example', () => {
    const render = compilePrompt(
      prompt({
        messages: [
          { role: 'system', content: 'Answer with a number.' },
          {
            for_each: 'sample.examples',
            messages: [
              { role: 'user', content: '{{ example.question }}' },
              { role: 'assistant', content: '{{ example.answer }}' },
            ],
          },
          { role: 'user', content: '{{ sample.question }}' },
        ],
      }),
    );
    expect(render(sample({ examples, question: '9 + 1?' }))).toEqual([
      { role: 'system', content: 'Answer with a number.' },
      { role: 'user', content: '2 + 2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: '3 + 5?' },
      { role: 'assistant', content: '8' },
      { role: 'user', content: '9 + 1?' },
    ]);
  });

  it('names the loop variable with `as`, offers loop.index, and takes any list expression', () => {
    const render = compilePrompt(
      prompt({
        messages: [
          { for_each: 'sample.examples[:1] + params.extra', as: 'shot', messages: [{ role: 'user', content: '#{{ loop.index }}/{{ loop.length }} {{ shot.question }}' }] },
        ],
        params: { extra: [{ question: 'extra?' }] },
      }),
    );
    expect(render(sample({ examples }))).toEqual([
      { role: 'user', content: '#1/2 2 + 2?' },
      { role: 'user', content: '#2/2 extra?' },
    ]);
  });

  it('builds few-shot text inside one message with {% for %}', () => {
    const render = compilePrompt(
      prompt({
        template: '{% for e in sample.examples %}\nQ: {{ e.question }}\nA: {{ e.answer }}\n{% endfor %}\nQ: {{ sample.question }}\nA:',
      }),
    );
    expect(render(sample({ examples, question: '1 + 0?' }))).toEqual([{ role: 'user', content: 'Q: 2 + 2?\nA: 4\nQ: 3 + 5?\nA: 8\nQ: 1 + 0?\nA:' }]);
  });

  it('leaves out a message that renders to nothing (an optional context)', () => {
    const render = compilePrompt(
      prompt({
        messages: [
          { role: 'system', content: '{% if sample.context is defined %}Context: {{ sample.context }}{% endif %}' },
          { role: 'user', content: '{{ sample.question }}' },
        ],
      }),
    );
    expect(render(sample({ question: 'Why?' }))).toEqual([{ role: 'user', content: 'Why?' }]);
    expect(render(sample({ question: 'Why?', context: 'Sky.' }))).toEqual([
      { role: 'system', content: 'Context: Sky.' },
      { role: 'user', content: 'Why?' },
    ]);
  });

  it('fails a sample whose for_each is missing (strict) or not a list; renders no turns when not strict', () => {
    const messages = [{ for_each: 'sample.examples', messages: [{ role: 'user' as const, content: '{{ example }}' }] }, { role: 'user' as const, content: 'Q' }];
    expect(() => compilePrompt(prompt({ messages }))(sample())).toThrow(
      'prompt "p": rendering sample "s-0001" failed (messages[0].for_each): sample.examples is undefined (looped over)',
    );
    expect(() => compilePrompt(prompt({ messages }))(sample({ examples: 'two' }))).toThrow('for_each gives a string, not a list');
    expect(compilePrompt(prompt({ messages, strict_undefined: false }))(sample())).toEqual([{ role: 'user', content: 'Q' }]);
  });

  it('names every text that does not parse, by its place in the prompt', () => {
    const error = (() => {
      try {
        compilePrompt(
          prompt({
            messages: [
              { role: 'system', content: 'fine' },
              { role: 'user', content: '{{ sample.question ' },
              { for_each: 'sample.examples[', messages: [{ role: 'user', content: '{% if x %}' }] },
            ],
          }),
        );
      } catch (thrown) {
        return thrown as PromptSyntaxError;
      }
      throw new Error('expected a PromptSyntaxError');
    })();
    expect(error).toBeInstanceOf(PromptSyntaxError);
    expect(error.problems.map((p) => p.path)).toEqual([
      ['messages', 1, 'content'],
      ['messages', 2, 'for_each'],
      ['messages', 2, 'messages', 0, 'content'],
    ]);
    expect(error.message.split('\n')[0]).toBe('prompt "p": messages[1].content does not parse: Unexpected end of input');
    expect(error.message).toContain('prompt "p": messages[2].messages[0].content does not parse: the template ends inside a block');
  });
});
