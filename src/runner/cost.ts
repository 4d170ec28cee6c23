// What a case cost in US dollars: the model under test's tokens at its price, and each judge's
// tokens at its own, from the backend's `price:` or the price table (providers/prices/). A model
// with tokens but no known price makes the cost unknown (null) and is named, never guessed at;
// one with no tokens costs nothing whatever its price. Only what this run paid is counted:
// answers replayed from recordings are left out of the usage counts, so they cost nothing here.
import type { CaseSpec } from '../config/cases.js';
import type { BackendSpec, Price } from '../config/schema.js';
import { PRICE_TABLE, priceFor } from '../providers/index.js';
import type { Usage } from '../providers/types.js';
import type { CostUsd } from './summary.js';

interface Priced {
  /** `litellm_openai (openai/gpt-4o-mini)`: how an unpriced model is named. */
  label: string;
  price: Price | undefined;
}

export interface CasePricing {
  dut: Priced;
  /** By judge adapter_id. */
  judges: ReadonlyMap<string, Priced>;
  prices_as_of: string;
}

export interface CaseCost {
  /** Null when a model that used tokens has no known price. */
  cost_usd: CostUsd | null;
  /** The models that made it null, with their role. */
  unpriced: string[];
}

function priced(backend: BackendSpec): Priced {
  const { provider, model } = backend.config;
  return { label: `${backend.backend_id} (${provider}/${model})`, price: priceFor(backend.config)?.price };
}

export function casePricing(spec: Pick<CaseSpec, 'backend' | 'judges'>): CasePricing {
  return {
    dut: priced(spec.backend),
    judges: new Map(spec.judges.map((j) => [j.adapter.adapter_id, priced(j.backend)])),
    prices_as_of: PRICE_TABLE.as_of,
  };
}

/** US dollars for these tokens at this price (prices are per million tokens). */
export function tokensCost(usage: Usage, price: Price): number {
  return (usage.prompt_tokens * price.input_per_mtok + usage.completion_tokens * price.output_per_mtok) / 1_000_000;
}

/** Whole nano-dollars: sums of float products carry noise in the last digits. */
const usd = (x: number): number => Math.round(x * 1e9) / 1e9;

export function caseCost(pricing: CasePricing, dutUsage: Usage, judgeUsage: ReadonlyMap<string, Usage>): CaseCost {
  const unpriced: string[] = [];
  /** `judge`: the adapter, when these are a judge's tokens. */
  const cost = (usage: Usage, who: Priced | undefined, judge?: string): number => {
    if (usage.prompt_tokens + usage.completion_tokens === 0) return 0;
    if (who?.price === undefined) {
      unpriced.push(judge === undefined ? (who?.label ?? 'the model') : `${who?.label ?? 'its backend'}, judge ${judge}`);
      return 0;
    }
    return tokensCost(usage, who.price);
  };
  const dut = cost(dutUsage, pricing.dut);
  let judge = 0;
  for (const [adapterId, usage] of judgeUsage) judge += cost(usage, pricing.judges.get(adapterId), adapterId);
  if (unpriced.length > 0) return { cost_usd: null, unpriced };
  return { cost_usd: { total: usd(dut + judge), dut: usd(dut), judge: usd(judge), prices_as_of: pricing.prices_as_of }, unpriced };
}
