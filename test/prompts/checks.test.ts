// At load, not at the first sample: a Jinja syntax error anywhere in a prompt or a mock_reply,
// and a messages entry of the wrong shape, are config errors with file:line and YAML path.
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../src/config/load.js';
import { promptChecks } from '../../src/prompts/checks.js';
import { configError, PIQA_FILE, piqaWith, positionOf } from '../config/helpers.js';

const TEMPLATE = `    template: |
      {{ system_prompt }}
      Question: {{ sample.goal }}
      {% for label, text in (sample.metadata.option_map or {}).items() %}
      {{ label }}. {{ text }}
      {% endfor %}
      {{ instruction }}
`;

const withMessages = (messages: string) => piqaWith(TEMPLATE, `    messages:\n${messages}`);
const load = (text: string) => parsePipeline(text, PIQA_FILE, { env: {}, checks: [promptChecks()] });

describe('promptChecks', () => {
  it('passes the example pipeline and a chat prompt with a few-shot loop', () => {
    const text = withMessages(
      [
        '      - {role: system, content: "{{ system_prompt }}"}',
        '      - for_each: sample.examples',
        '        messages:',
        '          - {role: user, content: "{{ example.question }}"}',
        '          - {role: assistant, content: "{{ example.answer }}"}',
        '      - {role: user, content: "{{ sample.goal }}"}',
        '',
      ].join('\n'),
    );
    expect(load(text).spec.prompts[0]?.messages).toHaveLength(3);
    expect(load(piqaWith('temperature: 0.2}', 'temperature: 0.2}\n      mock_reply: "{{ last_message }}"')).spec.backends[0]?.config.mock_reply).toBe('{{ last_message }}');
  });

  it('reports a syntax error in any message at its line, with the Jinja reason', () => {
    const text = withMessages(['      - {role: system, content: "{{ system_prompt }}"}', '      - {role: user, content: "{% if sample.goal %}{{ sample.goal }}"}', ''].join('\n'));
    const error = configError(() => load(text));
    expect(error.line).toBe(positionOf(text, '"{% if sample.goal %}').line);
    expect(error.yamlPath).toBe('prompts[0].messages[1].content');
    expect(error.message).toContain('Jinja syntax error: the template ends inside a block');
  });

  it('reports every bad text at once: the template, a for_each, a looped message, a mock_reply', () => {
    const text = withMessages(
      ['      - for_each: "sample.examples["', '        messages:', '          - {role: user, content: "{{ example.question "}', ''].join('\n'),
    ).replace('temperature: 0.2}', 'temperature: 0.2}\n      mock_reply: "{% if %}"');
    const error = configError(() => load(text));
    expect(error.issues.map((issue) => issue.yamlPath)).toEqual([
      'prompts[0].messages[0].for_each',
      'prompts[0].messages[0].messages[0].content',
      'backends[0].config.mock_reply',
    ]);
    expect(error.issues[2]?.line).toBe(positionOf(text, '"{% if %}"').line);
    expect(error.issues[2]?.message).toBe('Jinja syntax error: Unexpected token: CloseStatement');
  });

  it('a template that does not parse is reported before any sample is read', () => {
    const error = configError(() => load(piqaWith('Question: {{ sample.goal }}', 'Question: {{ sample.goal }')));
    expect(error.yamlPath).toBe('prompts[0].template');
    expect(error.message).toMatch(/piqa\.yaml:\d+:\d+ prompts\[0\]\.template: Jinja syntax error: /);
  });
});

describe('messages entries (config/prompt-rules.ts)', () => {
  it('names a role outside system/user/assistant with the roles there are', () => {
    const text = withMessages('      - {role: bot, content: "hi"}\n');
    const error = configError(() => parsePipeline(text, PIQA_FILE, { env: {} }));
    expect(error.yamlPath).toBe('prompts[0].messages[0].role');
    expect(error.message).toContain('expected one of: system, user, assistant, got string "bot"');
  });

  it('names a message without content, and a loop key inside a message', () => {
    const text = withMessages('      - {role: user}\n      - {role: user, content: hi, for_each: sample.x}\n');
    const error = configError(() => parsePipeline(text, PIQA_FILE, { env: {} }));
    expect(error.issues).toHaveLength(4);
    expect(error.issues.map((i) => [i.yamlPath, i.message])).toEqual(expect.arrayContaining([
      ['prompts[0].messages[0]', 'missing required field "content" of a message ({role, content})'],
      ['prompts[0].messages[1].role', '"role" does not belong in a for_each loop ({for_each, as?, messages})'],
      ['prompts[0].messages[1].content', '"content" does not belong in a for_each loop ({for_each, as?, messages})'],
      ['prompts[0].messages[1]', 'missing required field "messages" of a for_each loop ({for_each, as?, messages})'],
    ]));
  });
});
