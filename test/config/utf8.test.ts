// The one UTF-8 check every text reader uses: whole buffers and chunks cut anywhere.
import { describe, expect, it } from 'vitest';
import { checkUtf8, NotUtf8Error, Utf8Check } from '../../src/config/utf8.js';

const text = Buffer.from('plain ascii, café, 日本語, emoji 🎉 and more\n'.repeat(20));

function firstError(run: () => void): NotUtf8Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(NotUtf8Error);
    return error as NotUtf8Error;
  }
  throw new Error('no error');
}

describe('Utf8Check', () => {
  it('accepts valid text however the chunks cut its characters', () => {
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const check = new Utf8Check('f');
      for (let i = 0; i < text.length; i += size) check.push(text.subarray(i, i + size));
      expect(() => check.end()).not.toThrow();
    }
  });

  it('names the offset of the first bad byte, whole or chunked', () => {
    const bad = Buffer.concat([text.subarray(0, 100), Buffer.from([0xe9, 0x41]), text.subarray(100)]);
    expect(firstError(() => checkUtf8('f', bad)).offset).toBe(100);
    for (const size of [1, 3, 7, 99, 101]) {
      const check = new Utf8Check('f');
      const error = firstError(() => {
        for (let i = 0; i < bad.length; i += size) check.push(bad.subarray(i, i + size));
        check.end();
      });
      expect(error.offset).toBe(100);
    }
  });

  it('refuses NUL bytes as binary, overlong forms and surrogates, and a cut-off last character', () => {
    expect(firstError(() => checkUtf8('f', Buffer.from([0x61, 0x00, 0x62]))).binary).toBe(true);
    expect(firstError(() => checkUtf8('f', Buffer.from([0xc0, 0x80]))).offset).toBe(0);
    expect(firstError(() => checkUtf8('f', Buffer.from([0x61, 0xed, 0xa0, 0x80]))).offset).toBe(1);
    expect(firstError(() => checkUtf8('f', Buffer.from('ab€').subarray(0, 4))).offset).toBe(2);
    expect(firstError(() => checkUtf8('data.jsonl', Buffer.from([0xff]))).message).toBe('data.jsonl is not valid UTF-8 (at byte offset 0). Save it as UTF-8');
  });
});
