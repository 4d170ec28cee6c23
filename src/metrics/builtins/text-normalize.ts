// The text normalization steps that exact_match, regex and levenshtein apply on request, and
// the fixed SQuAD normalization behind token_f1: one implementation, so a step means the same
// thing in every metric.
import { z } from 'zod';

/** Every step, in the order they apply whatever order the YAML lists them: strip_articles
 *  must see lowercased, punctuation-free text ("The." is an article), and collapsing spaces
 *  comes after the removals that leave gaps. */
export const NORMALIZE_STEPS = ['lowercase', 'strip_punctuation', 'strip_articles', 'collapse_whitespace', 'trim'] as const;
export type NormalizeStep = (typeof NORMALIZE_STEPS)[number];

/** `normalize:` as YAML writes it: a list of steps, or a single step on its own. */
export function normalizeParam(defaults: NormalizeStep[]) {
  return z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.enum(NORMALIZE_STEPS)))
    .default(defaults);
}

/**
 * SQuAD's string.punctuation (ASCII, including the symbols $+<=>^`|~ that Unicode files under
 * "symbol"), plus Unicode punctuation, so a reply in curly quotes or with an en dash still
 * matches. Removed outright, not replaced by a space ("don't" → "dont"), as SQuAD does.
 */
const PUNCTUATION = /[\p{P}!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/gu;

/** The words a, an, the on their own. Python's \b is Unicode-aware and JavaScript's is not,
 *  hence the lookarounds: "éa" holds no article. Case-insensitive, so the step works without
 *  lowercase too. */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/giu;

const STEP: Record<NormalizeStep, (text: string) => string> = {
  lowercase: (t) => t.toLowerCase(),
  strip_punctuation: (t) => t.replace(PUNCTUATION, ''),
  strip_articles: (t) => t.replace(ARTICLES, ' '),
  collapse_whitespace: (t) => t.replace(/\s+/g, ' '),
  trim: (t) => t.trim(),
};

export function normalizeText(text: string, steps: readonly NormalizeStep[]): string {
  let out = text;
  for (const step of NORMALIZE_STEPS) if (steps.includes(step)) out = STEP[step](out);
  return out;
}

/** SQuAD's normalize_answer: lowercase, drop punctuation, drop articles, fix whitespace. */
export function squadNormalize(text: string): string {
  return normalizeText(text, NORMALIZE_STEPS);
}
