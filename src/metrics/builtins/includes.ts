// includes: 1 when the reply contains every string in `all` and at least one in `any`; with
// neither given, when it contains one of the sample's references. Case-insensitive unless
// `case_sensitive: true`.
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { referenceFieldParam, requireReferences } from './references.js';

const needles = z.array(z.string().min(1, 'an empty string is contained in every reply; remove it')).min(1).optional();

export const includes = defineMetric({
  name: 'includes',
  params: z.strictObject({ all: needles, any: needles, case_sensitive: z.boolean().default(false), reference_field: referenceFieldParam }),
  score({ sample, output, params }) {
    const fold = (s: string) => (params.case_sensitive ? s : s.toLowerCase());
    const reply = fold(output.text);
    const contains = (needle: string) => reply.includes(fold(needle));

    if (params.all === undefined && params.any === undefined) {
      const references = requireReferences(sample, params.reference_field, 'includes');
      const found = references.find(contains);
      return {
        score: found !== undefined,
        prediction: found ?? null,
        reference: found ?? references[0]!,
        ...(found === undefined ? { rationale: `contains no reference: ${quoteAll(references)}` } : {}),
      };
    }
    const missing = (params.all ?? []).filter((needle) => !contains(needle));
    const anyFound = params.any === undefined ? undefined : params.any.find(contains);
    const reasons = [
      ...(missing.length > 0 ? [`missing ${quoteAll(missing)}`] : []),
      ...(params.any !== undefined && anyFound === undefined ? [`contains none of ${quoteAll(params.any)}`] : []),
    ];
    return {
      score: reasons.length === 0,
      prediction: anyFound ?? null,
      ...(reasons.length > 0 ? { rationale: reasons.join('; ') } : {}),
      ...(missing.length > 0 ? { metadata: { missing } } : {}),
    };
  },
});

function quoteAll(strings: readonly string[]): string {
  return strings.map((s) => JSON.stringify(s)).join(', ');
}
