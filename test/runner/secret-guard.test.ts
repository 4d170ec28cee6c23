import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, secretGuard, SecretInPromptError } from '../../src/runner/secret-guard.js';

const key = 'sk-test-0123456789abcdef';
const messages = (content: string) => [
  { role: 'system' as const, content: 'You answer.' },
  { role: 'user' as const, content },
];

describe('secretGuard', () => {
  it("refuses a prompt holding a provider's or the backend's key, naming the variable and not the value", () => {
    const guard = secretGuard(['TEAM_KEY'], { ANTHROPIC_API_KEY: key, TEAM_KEY: `${key}-team` });
    expect(() => guard(messages(`use ${key} please`))).toThrow(SecretInPromptError);
    expect(() => guard(messages(`use ${key} please`))).toThrow(/message 2, user\) contains the value of ANTHROPIC_API_KEY/);
    expect(() => guard(messages(`use ${key}-team`))).toThrow(/TEAM_KEY|ANTHROPIC_API_KEY/);
    try {
      guard(messages(key));
    } catch (error) {
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('passes prompts without keys unchanged, and ignores values too short to be keys', () => {
    const guard = secretGuard([], { OPENAI_API_KEY: 'x'.repeat(MIN_SECRET_LENGTH - 1), GOOGLE_API_KEY: key });
    const ok = messages('an x or two: xxxxxxx');
    expect(guard(ok)).toBe(ok);
    expect(secretGuard([], {})(ok)).toBe(ok);
  });
});
