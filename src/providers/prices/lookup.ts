// Which price a backend's tokens are charged at: its own `price:` when the config sets one, else
// the table's entry for its provider and model (the id as configured, or one of the entry's
// aliases), else none — an unknown model has no cost, never a guessed one.
import { canonicalProvider } from '../../config/provider-names.js';
import type { BackendConfig, Price } from '../../config/schema.js';
import { PRICE_TABLE } from './table.js';
import type { PriceTable } from './table-schema.js';

export interface PriceChoice {
  price: Price;
  /** `config`: the backend's own `price:`; `table`: the price table (README "Cost"). */
  from: 'config' | 'table';
}

/** The table's price for a model, by exact id or alias (ids compare as written: no guessing at
 *  what a dated snapshot or a fine-tune costs). */
export function tablePrice(provider: string, model: string, table: PriceTable = PRICE_TABLE): Price | undefined {
  const canonical = canonicalProvider(provider);
  const entry = table.entries.find((e) => e.provider === canonical && (e.model === model || e.aliases?.includes(model)));
  if (entry === undefined) return undefined;
  const { input_per_mtok, output_per_mtok, cached_input_per_mtok } = entry;
  return { input_per_mtok, output_per_mtok, ...(cached_input_per_mtok === undefined ? {} : { cached_input_per_mtok }) };
}

export function priceFor(config: Pick<BackendConfig, 'provider' | 'model' | 'price'>, table: PriceTable = PRICE_TABLE): PriceChoice | undefined {
  if (config.price !== undefined) return { price: config.price, from: 'config' };
  const price = tablePrice(config.provider, config.model, table);
  return price === undefined ? undefined : { price, from: 'table' };
}
