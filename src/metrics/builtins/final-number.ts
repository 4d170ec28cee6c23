// Reads the final numeric answer out of a free-text reply, the way math benchmarks are graded:
// GSM8K's "#### 42" first, then the last \boxed{…}, then "the answer is 42", else the last
// number in the text. A number may carry a sign (- or −), a currency symbol, thousands
// separators (1,234), decimals, a fraction (3/4, \frac{3}{4}) or a percent sign, which is
// dropped: "25%" reads as 25, since references to such questions are written "25".
// numeric_match parses references the same way, so "#### 1,234" and "1234" agree.

export type NumberSource = 'gsm8k_marker' | 'boxed' | 'answer_phrase' | 'last_number';

export interface FoundNumber {
  value: number;
  /** The text it was read from, e.g. "$1,234.50". */
  text: string;
  source: NumberSource;
}

// Not preceded by a letter, digit or dot: "H2O" holds no number, "3-5" ends in 5, not -5.
// No space after the sign, so a "- 5" list bullet is not a negative number.
const NUMBER = String.raw`(?<![\p{L}\p{N}_.])(?<sign>[-−])?(?:[$€£¥]\s?)?(?<num>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)(?:\s*\/\s*(?<den>\d+(?:\.\d+)?))?(?:\s?%)?`;
const ANY_NUMBER = new RegExp(NUMBER, 'gu');
const NUMBER_HERE = new RegExp(NUMBER, 'uy');
/** "The answer is", "Answer:", "**Final answer:**", "答案是"; what follows must be the number. */
const ANSWER_PHRASE = /(?:\banswer\b(?:\s+is\b)?|答案(?:是|为)?)\s*[:：=]?[\s*_]*/giu;

export function findFinalNumber(reply: string): FoundNumber | null {
  const text = untex(reply);
  const marker = text.lastIndexOf('####');
  if (marker >= 0) {
    const found = numberAt(text, marker + 4 + (/^\s*/.exec(text.slice(marker + 4))?.[0].length ?? 0));
    if (found) return { ...found, source: 'gsm8k_marker' };
  }
  const boxed = lastBoxed(text);
  if (boxed !== undefined) {
    const found = lastNumber(boxed);
    if (found) return { ...found, source: 'boxed' };
  }
  let phrased: Omit<FoundNumber, 'source'> | null = null;
  for (const phrase of text.matchAll(ANSWER_PHRASE)) phrased = numberAt(text, phrase.index + phrase[0].length) ?? phrased;
  if (phrased) return { ...phrased, source: 'answer_phrase' };
  const last = lastNumber(text);
  return last ? { ...last, source: 'last_number' } : null;
}

/** LaTeX a model may wrap its answer in: \frac{3}{4} (and \dfrac, \tfrac), 1{,}234, \$, \%. */
function untex(text: string): string {
  return text
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\{,\}/g, ',')
    .replace(/\\([$%])/g, '$1');
}

/** The content of the last \boxed{…} (or \fbox{…}), braces balanced. */
function lastBoxed(text: string): string | undefined {
  const start = Math.max(text.lastIndexOf('\\boxed{'), text.lastIndexOf('\\fbox{'));
  if (start < 0) return undefined;
  const open = text.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function numberAt(text: string, index: number): Omit<FoundNumber, 'source'> | null {
  NUMBER_HERE.lastIndex = index;
  const match = NUMBER_HERE.exec(text);
  return match ? valueOf(match) : null;
}

function lastNumber(text: string): Omit<FoundNumber, 'source'> | null {
  let last: Omit<FoundNumber, 'source'> | null = null;
  for (const match of text.matchAll(ANY_NUMBER)) last = valueOf(match) ?? last;
  return last;
}

function valueOf(match: RegExpMatchArray): Omit<FoundNumber, 'source'> | null {
  const { sign, num, den } = match.groups!;
  let value = Number(num!.replace(/,/g, ''));
  if (den !== undefined) value /= Number(den);
  if (!Number.isFinite(value)) return null; // 1/0
  return { value: sign ? -value : value, text: match[0].trim() };
}
