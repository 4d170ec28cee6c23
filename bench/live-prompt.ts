// The live benchmark's prompt, as both sides send it: evalmatrix renders the pipeline's Jinja
// template (bench/pipeline.ts) with this instruction, the raw loop a template literal that must
// give the same text — the server's answer depends on it, so the scores would tell if not.
export const LIVE_INSTRUCTION = 'Answer with A or B.';

export function rawPrompt(row: { goal: string; sol1: string; sol2: string }): string {
  return `Question: ${row.goal}\nA. ${row.sol1}\nB. ${row.sol2}\n${LIVE_INSTRUCTION}`;
}
