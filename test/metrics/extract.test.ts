import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../src/metrics/extract.js';

const AB = ['A', 'B'];
const ABCD = ['A', 'B', 'C', 'D'];

describe('extractChoice', () => {
  it.each([
    // \boxed
    ['Reasoning...\n\\boxed{B}', 'B'],
    ['\\boxed{(A)} is final', 'A'],
    ['\\boxed{\\text{B}}', 'B'],
    ['Answer: A, but on reflection \\boxed{B}', 'B'],
    // English phrases
    ['The answer is B.', 'B'],
    ['answer: A', 'A'],
    ['Answer is: **B**', 'B'],
    ['I would go with option B here.', 'B'],
    ['My choice is A', 'A'],
    ['The best answer is B', 'B'],
    ['The correct answer is (A).', 'A'],
    ['The answer is A, not B. Wait, the answer is B', 'B'],
    ['the answer is b', 'B'],
    ['The answer is A because heat expands the lid.', 'A'],
    // Chinese
    ['答案是B', 'B'],
    ['答案：A。', 'A'],
    ['我认为选项B更合理', 'B'],
    ['答案为（A）', 'A'],
    ['正确答案是b', 'B'],
    // a letter opening the last non-empty line
    ['Thinking it over.\nB\n\n', 'B'],
    ['B.', 'B'],
    ['(B)', 'B'],
    ['Because heat expands metal.\nB) because heat expands metal', 'B'],
    ['A. Use a cup', 'A'],
    ['**A**', 'A'],
    ['b', 'B'],
  ])('%j -> %s', (text, expected) => {
    expect(extractChoice(text, AB)).toBe(expected);
  });

  it.each([
    ['A cup of water works better.'],
    ['The answer is a cup of water.'],
    ['I am not sure.'],
    [''],
    ['The answer is E'],
    // What the offline echo mock sends back: the prompt itself.
    ['You are a careful assistant.\nQuestion: Open a jar\nA. Twist\nB. Freeze\nAnswer with A or B.'],
  ])('%j -> null', (text) => {
    expect(extractChoice(text, AB)).toBeNull();
  });

  it('only accepts the given options, returned in their canonical spelling', () => {
    expect(extractChoice('The answer is D', AB)).toBeNull();
    expect(extractChoice('The answer is d', ABCD)).toBe('D');
    expect(extractChoice('answer: yes', ['Yes', 'No'])).toBe('Yes');
    expect(extractChoice('anything', [])).toBeNull();
  });
});
