// llm_judge's params: which judge, and how its answer becomes a score: `choices` (answer labels
// → scores, as OpenAI's model-graded evals and autoevals' ClosedQA/Factuality do) or a numeric
// `scale` normalized to [0, 1]. Checked when the pipeline loads, like every metric's params.
import { z } from 'zod';

const scaleSchema = z
  .object({ min: z.number(), max: z.number() })
  .strict()
  .refine((scale) => scale.max > scale.min, { message: 'scale.max must be greater than scale.min' });

export const llmJudgeParams = z
  .object({
    /** A role adapter with role_type judge_model: its backend answers, its prompt is the rubric. */
    judge: z.string().min(1),
    /** Answer label → score in [0, 1]; labels are matched without regard to case. */
    choices: z.record(z.string().min(1), z.number().min(0).max(1)).optional(),
    /** The judge answers a number from min to max; the score is (n − min) / (max − min). */
    scale: scaleSchema.optional(),
    /** Ask the judge to reason first, then answer on the last line; the reasoning becomes the rationale. */
    use_cot: z.boolean().default(false),
  })
  .strict()
  .superRefine((params, ctx) => {
    if ((params.choices === undefined) === (params.scale === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: params.choices === undefined ? 'llm_judge needs choices or scale; it has neither' : 'llm_judge takes choices or scale, not both',
      });
    }
    const labels = Object.keys(params.choices ?? {});
    if (params.choices !== undefined && labels.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `choices needs at least two labels, got ${labels.length}` });
    }
    const folded = labels.map((label) => label.trim().toLowerCase());
    const twin = folded.find((label, i) => folded.indexOf(label) !== i);
    if (twin !== undefined) ctx.addIssue({ code: 'custom', path: ['choices'], message: `two choices read the same ("${twin}"); labels are matched without regard to case` });
  });
export type LlmJudgeParams = z.infer<typeof llmJudgeParams>;
