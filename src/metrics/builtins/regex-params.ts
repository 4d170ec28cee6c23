// The regex metric's params, checked when the pipeline loads: the pattern and flags must
// compile (the error is JavaScript's own reason) and `group` must name a group the pattern has.
import { z } from 'zod';
import { referenceFieldParam } from './references.js';
import { normalizeParam } from './text-normalize.js';

export const regexParams = z
  .strictObject({
    pattern: z.string().min(1, 'an empty pattern matches every reply'),
    flags: z.string().default(''),
    /** The capture group (number, or name of a named group) that must equal the reference. */
    group: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
    normalize: normalizeParam(['trim']),
    reference_field: referenceFieldParam,
  })
  .superRefine((params, ctx) => {
    const problem = regexProblem(params.pattern, params.flags, params.group);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.at], message: problem.message });
  });

function regexProblem(pattern: string, flags: string, group: number | string | undefined): { at: string; message: string } | undefined {
  // g and y make a RegExp remember where it stopped; the pattern is tried once per reply.
  const stateful = [...flags].filter((f) => f === 'g' || f === 'y');
  if (stateful.length > 0) return { at: 'flags', message: `flag ${stateful.join(', ')} is not supported: the pattern is tried once per reply (the first match counts); remove it` };
  try {
    new RegExp('', flags);
  } catch (error) {
    return { at: 'flags', message: (error as Error).message };
  }
  let probe: RegExpExecArray;
  try {
    new RegExp(pattern, flags);
    // An alternative that matches the empty string shows every group the pattern declares.
    probe = new RegExp(`(?:${pattern})|`, flags).exec('')!;
  } catch (error) {
    return { at: 'pattern', message: `does not compile: ${(error as Error).message}` };
  }
  const numbered = probe.length - 1;
  const named = Object.keys(probe.groups ?? {});
  if (typeof group === 'number' && group > numbered) {
    return { at: 'group', message: `the pattern has ${numbered} capture group${numbered === 1 ? '' : 's'}, so there is no group ${group}` };
  }
  if (typeof group === 'string' && !named.includes(group)) {
    return { at: 'group', message: `the pattern has no group named "${group}"${named.length > 0 ? ` (it has ${named.map((n) => `"${n}"`).join(', ')})` : ''}` };
  }
  return undefined;
}
