// The rule that reads a judge's answer: the last "Choice: X" / "Score: N" line, else the last
// non-empty line alone; decoration around the value ignored; labels matched without case.
import { describe, expect, it } from 'vitest';
import { readChoice, readNumber } from '../../src/metrics/judge/answer.js';
import { answerInstruction } from '../../src/metrics/judge/instructions.js';
import { llmJudgeParams } from '../../src/metrics/judge/params.js';

const LABELS = ['Y', 'N', 'not_sure'];

describe('readChoice', () => {
  it.each([
    ['Y', 'Y', ''],
    ['  y. ', 'Y', ''],
    ['**Choice:** N', 'N', ''],
    ['Choice: (not_sure).', 'not_sure', ''],
    ['Answer: "Y"', 'Y', ''],
    ['The reply names the capital.\nIt matches the reference.\nChoice: Y', 'Y', 'The reply names the capital.\nIt matches the reference.'],
    // A labelled line wins over a later bare line; the last labelled line wins over earlier ones.
    ['Choice: N\nthanks', 'N', ''],
    ['Choice: N\nOn reflection:\nChoice: Y', 'Y', 'Choice: N\nOn reflection:'],
    ['I considered N.\n\nY\n', 'Y', 'I considered N.'],
  ])('%j → %s', (text, value, reasoning) => {
    expect(readChoice(text, LABELS)).toEqual({ ok: true, value, reasoning });
  });

  it.each(['The answer is Y', 'Choice: maybe', '', '\n  \n', 'Y or N'])('%j has no choice', (text) => {
    expect(readChoice(text, LABELS)).toEqual({ ok: false });
  });
});

describe('readNumber', () => {
  it.each([
    ['7', '7'],
    ['Score: 7/10', '7'],
    ['Rating: 8.5.', '8.5'],
    ['Looks fine.\n**Score**: 3', '3'],
    ['Score: -1', '-1'],
  ])('%j → %s', (text, value) => {
    expect(readNumber(text)).toMatchObject({ ok: true, value });
  });

  it.each(['seven', 'Score: high', 'I give it 7 out of 10'])('%j has no number', (text) => {
    expect(readNumber(text)).toEqual({ ok: false });
  });
});

describe('answerInstruction', () => {
  it('asks for the line the rule reads, with the labels or the scale, and reasoning first with use_cot', () => {
    const choices = llmJudgeParams.parse({ judge: 'j', choices: { Y: 1, N: 0 } });
    expect(answerInstruction(choices)).toBe('Reply with one line "Choice: <label>", where <label> is one of: Y, N, and nothing else.');
    const scale = llmJudgeParams.parse({ judge: 'j', scale: { min: 1, max: 10 }, use_cot: true });
    expect(answerInstruction(scale)).toBe('First explain your reasoning step by step, without stating your answer at the outset. Then end with one line "Score: <n>", where <n> is a number from 1 to 10.');
  });
});
