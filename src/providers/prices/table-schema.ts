// The shape of the price table: a dated, versioned list of what each provider's common models
// cost per million tokens, every entry saying where its figures come from and whether they were
// confirmed on the provider's own pricing page. Each figure is the config's `price` shape
// (config/schema/price.ts), so the table and a backend's override are checked alike.
import { z } from 'zod';
import { CANONICAL_PROVIDERS } from '../../config/provider-names.js';
import { priceSchema } from '../../config/schema/price.js';

export const priceEntrySchema = priceSchema
  .extend({
    provider: z.enum(CANONICAL_PROVIDERS),
    /** The model id as a backend's `model:` names it. */
    model: z.string().min(1),
    /** Other ids billed the same: dated snapshots, `-latest` aliases. */
    aliases: z.array(z.string().min(1)).optional(),
    /** The provider's pricing page the figures are meant to match. */
    source: z.string().url(),
    /** `confirmed`: read on that page itself on the table's as_of date; `unconfirmed`: the page
     *  could not be read then, and the figures are the last known ones, agreeing with copies. */
    checked: z.enum(['confirmed', 'unconfirmed']),
    /** What the figures leave out (long-context tiers, a retired model). */
    note: z.string().optional(),
  })
  .strict();
export type PriceEntry = z.infer<typeof priceEntrySchema>;

export const priceTableSchema = z
  .object({
    /** Bumped whenever a figure changes, so summaries can say which table priced them. */
    version: z.number().int().positive(),
    /** The day the figures were checked (YYYY-MM-DD): summaries carry it as prices_as_of. */
    as_of: z.iso.date(),
    currency: z.literal('USD'),
    entries: z.array(priceEntrySchema).min(1),
  })
  .strict()
  .superRefine((table, ctx) => {
    // One price per id: a model listed twice (or as another's alias) would be a coin toss.
    const seen = new Map<string, number>();
    table.entries.forEach((entry, i) => {
      for (const id of [entry.model, ...(entry.aliases ?? [])]) {
        const key = `${entry.provider}/${id}`;
        const first = seen.get(key);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['entries', i], message: `${key} is already priced by entries[${first}]` });
        else seen.set(key, i);
      }
    });
  });
export type PriceTable = z.infer<typeof priceTableSchema>;
