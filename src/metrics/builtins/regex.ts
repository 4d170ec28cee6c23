// regex: without `group`, 1 when `pattern` (with `flags`) matches the reply, the matched text
// being the prediction. With `group`, that capture group of the first match, normalized, must
// equal a reference (normalized the same way).
import { defineMetric } from '../metric.js';
import { regexParams } from './regex-params.js';
import { normalizedReferences } from './compared-text.js';
import { normalizeText } from './text-normalize.js';

// Patterns come from the pipeline, so there are few; without g or y a RegExp keeps no state.
const compiled = new Map<string, RegExp>();

function compile(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = new RegExp(pattern, flags)));
  return re;
}

export const regex = defineMetric({
  name: 'regex',
  params: regexParams,
  score({ sample, output, params }) {
    const match = compile(params.pattern, params.flags).exec(output.text);
    if (params.group === undefined) {
      return { score: match !== null, prediction: match?.[0] ?? null, ...(match ? {} : { rationale: 'the pattern does not match' }) };
    }
    const references = normalizedReferences(sample, params, 'regex');
    const captured = match === null ? undefined : typeof params.group === 'number' ? match[params.group] : match.groups?.[params.group];
    if (captured === undefined) {
      const rationale = match === null ? 'the pattern does not match' : `group ${params.group} took no part in the match`;
      return { score: 0, prediction: null, reference: references[0]!, rationale };
    }
    const prediction = normalizeText(captured, params.normalize);
    const reference = references.find((r) => r === prediction) ?? references[0]!;
    return { score: reference === prediction, prediction, reference };
  },
});
