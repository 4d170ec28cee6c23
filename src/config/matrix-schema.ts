// The model matrix file: `models:`, a list of entries, each one model to run through the
// template. An entry's fields (and the file's `pipeline`) are what the template's
// `${{ matrix.<field> }}` placeholders name.
import { z } from 'zod';
import { id } from './schema.js';

export const matrixEntrySchema = z
  .object({
    /** The backend id: the `<name>` in `demo › <name>` and in runs/<pipeline>/<name>/. */
    name: id,
    provider: z.string().min(1),
    model_name: z.string().min(1),
    api_base: z.string().min(1),
    /** Name of the variable holding the key; the key itself never goes in a file. */
    api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'),
    max_new_tokens: z.number().int().positive(),
    /** Seconds. */
    timeout: z.number().positive(),
    /** MAX_SAMPLES in the environment overrides it for every entry. */
    max_samples: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().max(1024).optional(),
    /** The Python workflow's; accepted so its matrices load, unused (concurrency is the knob). */
    parallel_calls: z.number().int().positive().optional(),
  })
  .strict();
export type MatrixEntry = z.infer<typeof matrixEntrySchema>;

/** Entries are checked one by one (a bad one is skipped, not fatal), so here they are unknown. */
export const matrixFileSchema = z
  .object({
    /** The pipeline name every entry shares (runs/<pipeline>/), as `${{ matrix.pipeline }}`. */
    pipeline: id.optional(),
    models: z.array(z.unknown()).min(1),
  })
  .strict();

/** What a template placeholder may name: an entry's fields, and the matrix's pipeline. */
export const MATRIX_FIELDS: readonly string[] = ['pipeline', ...Object.keys(matrixEntrySchema.shape)];

/** Entry fields that may be absent: a template key holding only such a placeholder is then left out. */
export const OPTIONAL_MATRIX_FIELDS: readonly string[] = Object.entries(matrixEntrySchema.shape)
  .filter(([, schema]) => schema.safeParse(undefined).success)
  .map(([field]) => field);
