// Reading a judge's answer, by one documented rule. The answer is the last line that reads
// `Choice: X` (or `Answer: X`; with a scale also `Score: N` / `Rating: N`); failing that, the
// last non-empty line on its own. Markdown emphasis, quotes, brackets and trailing punctuation
// around the value are ignored, and labels match without regard to case. With a scale, the
// value may be written `7`, `7.5` or `7/10`. What precedes the answer line is the reasoning.

export type JudgeAnswer = { ok: true; value: string; reasoning: string } | { ok: false };

const LABELLED = /^(?:choice|answer|score|rating)[\s*_]*[:：=]\s*(.+)$/i;

/** The choice label (as written in `choices`) the answer gives. */
export function readChoice(text: string, labels: readonly string[]): JudgeAnswer {
  return readAnswer(text, (value) => labels.find((label) => label.trim().toLowerCase() === value.toLowerCase()));
}

/** The number the answer gives, as text (range checked by the caller). */
export function readNumber(text: string): JudgeAnswer {
  return readAnswer(text, (value) => {
    const match = /^([+-]?\d+(?:\.\d+)?)(?:\s*\/\s*\d+(?:\.\d+)?)?$/.exec(value);
    return match ? match[1] : undefined;
  });
}

function readAnswer(text: string, accept: (value: string) => string | undefined): JudgeAnswer {
  const raw = text.split(/\r?\n/);
  const lines = raw.map((line) => bare(line));
  const at = (index: number, value: string | undefined): JudgeAnswer => {
    const accepted = value === undefined ? undefined : accept(bare(value));
    return accepted === undefined ? { ok: false } : { ok: true, value: accepted, reasoning: raw.slice(0, index).join('\n').trim() };
  };
  for (let i = lines.length - 1; i >= 0; i--) {
    const labelled = LABELLED.exec(lines[i]!);
    if (labelled) return at(i, labelled[1]);
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] !== '') return at(i, lines[i]);
  }
  return { ok: false };
}

/** A line or value without the Markdown emphasis, quotes, brackets and punctuation around it. */
function bare(text: string): string {
  return text.replace(/^[\s*_`#>"'“‘([{]+|[\s*_`"'”’)\]}.,;:!。]+$/g, '');
}
