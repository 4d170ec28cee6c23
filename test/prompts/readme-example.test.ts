// README "Prompts", as written there: its prompts load and render the row it names into the
// messages it says.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { promptSchema } from '../../src/config/schema.js';
import { compilePrompt } from '../../src/prompts/render.js';
import { sample } from './prompt.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = README.slice(README.indexOf('## Prompts'), README.indexOf('## Modes and providers'));
const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

it('renders the README row with both README prompts as the README says', () => {
  const prompts = (parse(yaml) as { prompts: unknown[] }).prompts.map((p) => promptSchema.parse(p));
  const row = sample({ question: 'Capital of France?', examples: [{ q: 'Capital of Spain?', a: 'Madrid' }] });
  expect(section).toContain('{"question": "Capital of France?", "examples": [{"q": "Capital of Spain?", "a":\n"Madrid"}]}');
  expect(compilePrompt(prompts[0]!)(row)).toEqual([
    { role: 'system', content: 'You are a geography tutor. Answer with the city only.' },
    { role: 'user', content: 'Capital of Spain?' },
    { role: 'assistant', content: 'Madrid' },
    { role: 'user', content: 'Capital of France?' },
  ]);
  expect(compilePrompt(prompts[1]!)(row)).toEqual([{ role: 'user', content: 'Q: Capital of Spain?\nA: Madrid\nQ: Capital of France?\nA:' }]);
});
