// What a model's tokens cost, in US dollars per million tokens: the shape of a backend's `price`
// override and of every entry in the price table (providers/prices/). One schema, so a figure the
// table would refuse is refused in a config too: every figure present, a number, never negative.
import { z } from 'zod';

const perMillion = z.number().min(0);

export const priceSchema = z
  .object({
    /** Prompt tokens. */
    input_per_mtok: perMillion,
    /** Completion tokens. */
    output_per_mtok: perMillion,
    /** Prompt tokens the provider served from its prompt cache; the input price when unset. */
    cached_input_per_mtok: perMillion.optional(),
  })
  .strict();
export type Price = z.infer<typeof priceSchema>;
