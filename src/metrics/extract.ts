// Finds which option a free-text answer chose. Patterns go from most to least explicit;
// within one pattern the last match wins, since models tend to conclude at the end.

type PatternFactory = (option: string) => RegExp;

/** `\boxed{B}`, `\boxed{(B)}`, `\boxed{\text{B}}`. */
const boxed: PatternFactory = (o) => new RegExp(String.raw`\\boxed\{\s*(?:\\text\{\s*)?\(?\s*(${o})\s*\)?\s*\}?\s*\}`, 'gi');

/** "answer is B", "answer: B", "The best answer is **B**", "correct answer is (B)", "option B", "choice is B". */
const english: PatternFactory = (o) =>
  new RegExp(String.raw`(?:\banswer\s*(?:is\b|:)|\boption|\bchoice\s+is\b)\s*:?\s*[*_]*\(?\s*(${o})(?![A-Za-z0-9])`, 'gi');

/** 答案是B, 答案：B, 答案为B, 选项B, optionally bracketed. */
const chinese: PatternFactory = (o) =>
  new RegExp(String.raw`(?:答案\s*(?:是|为|：|:)|选项)\s*[:：]?\s*[*_]*[（(]?\s*(${o})(?![A-Za-z0-9])`, 'gi');

/**
 * A letter that opens the line on its own: "B", "B.", "(B)", "B) because", "A. Use a cup",
 * "**B**" — but not the article in "A cup".
 */
const leadingLetter: PatternFactory = (o) => new RegExp(String.raw`^[\s*_]*[(\[]?(${o})(?=[)\].:]|[*_\s]*$)`, 'gi');

interface ChoicePatterns {
  /** boxed, English, Chinese: tried in this order over the whole text. */
  explicit: RegExp[];
  leading: RegExp;
}

// Compiled once per list of options (a dataset has one or a few: A-B, A-D…) rather than per
// reply: building the four patterns was most of what scoring a sample cost (measured 20 µs of
// about 24 µs a sample). matchAll copies a pattern before it runs, so sharing them is safe.
const compiled = new Map<string, ChoicePatterns>();
const MAX_COMPILED = 64;

function patternsFor(options: readonly string[]): ChoicePatterns {
  // Keyed by the options as given (cheap to join); the alternation is built only on a miss.
  const key = options.join('\u0000');
  let patterns = compiled.get(key);
  if (patterns === undefined) {
    const alternation = [...options]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    patterns = { explicit: [boxed, english, chinese].map((make) => make(alternation)), leading: leadingLetter(alternation) };
    compiled.set(key, patterns);
  }
  return patterns;
}

export function extractChoice(text: string, options: string[]): string | null {
  if (options.length === 0) return null;
  const patterns = patternsFor(options);
  const canonical = (found: string) => options.find((o) => o.toLowerCase() === found.toLowerCase()) ?? null;

  for (const pattern of patterns.explicit) {
    const found = lastConfidentMatch(text, pattern, options);
    if (found !== undefined) return canonical(found);
  }
  const lastLine = text.split(/\r?\n/).findLast((line) => line.trim() !== '') ?? '';
  const found = lastConfidentMatch(lastLine, patterns.leading, options);
  return found === undefined ? null : canonical(found);
}

function lastConfidentMatch(text: string, pattern: RegExp, options: string[]): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(pattern)) {
    const option = match[1];
    if (option !== undefined && !looksLikeWord(text, match, option, options)) last = option;
  }
  return last;
}

/**
 * Matching is case-insensitive, so "the answer is a cup" would read as A. A lowercased
 * option that runs on into more words is taken for an ordinary word instead.
 */
function looksLikeWord(text: string, match: RegExpMatchArray, option: string, options: string[]): boolean {
  if (options.includes(option)) return false;
  const after = text.slice((match.index ?? 0) + match[0].length);
  return /^\s+[A-Za-z]/.test(after);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
