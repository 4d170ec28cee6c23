// The price table: list prices in US dollars per million tokens (standard tier: no batch, flex
// or priority discounts), for the models people most often evaluate. A backend's `price:` wins
// over it; a model it does not list has no cost (README "Cost"). Checked on as_of, each entry
// saying whether its provider's page itself was read (`confirmed`) or could not be, in which case
// the figures are the last known list prices, agreeing with dated copies of that page
// (`unconfirmed`). To update: change the figures, bump `version`, set `as_of`, say how each was checked.
import { priceTableSchema, type PriceTable } from './table-schema.js';

const OPENAI = 'https://developers.openai.com/api/docs/pricing';
const ANTHROPIC = 'https://platform.claude.com/docs/en/about-claude/pricing';
const GEMINI = 'https://ai.google.dev/gemini-api/docs/pricing';
const XAI = 'https://docs.x.ai/developers/models';
const MOONSHOT = 'https://platform.moonshot.ai/docs/pricing/chat';

const OVER_200K = 'prompts over 200k tokens are billed at a higher rate, which this table does not model';

export const PRICE_TABLE: PriceTable = priceTableSchema.parse({
  version: 1,
  as_of: '2026-11-29',
  currency: 'USD',
  entries: [
    { provider: 'openai', model: 'gpt-4o-mini', aliases: ['gpt-4o-mini-2024-07-18'], input_per_mtok: 0.15, cached_input_per_mtok: 0.075, output_per_mtok: 0.6, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-4o', aliases: ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'], input_per_mtok: 2.5, cached_input_per_mtok: 1.25, output_per_mtok: 10, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-4.1', aliases: ['gpt-4.1-2025-04-14'], input_per_mtok: 2, cached_input_per_mtok: 0.5, output_per_mtok: 8, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-4.1-mini', aliases: ['gpt-4.1-mini-2025-04-14'], input_per_mtok: 0.4, cached_input_per_mtok: 0.1, output_per_mtok: 1.6, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-4.1-nano', aliases: ['gpt-4.1-nano-2025-04-14'], input_per_mtok: 0.1, cached_input_per_mtok: 0.025, output_per_mtok: 0.4, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-5', aliases: ['gpt-5-2025-08-07'], input_per_mtok: 1.25, cached_input_per_mtok: 0.125, output_per_mtok: 10, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-5-mini', aliases: ['gpt-5-mini-2025-08-07'], input_per_mtok: 0.25, cached_input_per_mtok: 0.025, output_per_mtok: 2, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'gpt-5-nano', aliases: ['gpt-5-nano-2025-08-07'], input_per_mtok: 0.05, cached_input_per_mtok: 0.005, output_per_mtok: 0.4, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'o3', aliases: ['o3-2025-04-16'], input_per_mtok: 2, cached_input_per_mtok: 0.5, output_per_mtok: 8, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'o4-mini', aliases: ['o4-mini-2025-04-16'], input_per_mtok: 1.1, cached_input_per_mtok: 0.275, output_per_mtok: 4.4, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'openai', model: 'o3-mini', aliases: ['o3-mini-2025-01-31'], input_per_mtok: 1.1, cached_input_per_mtok: 0.55, output_per_mtok: 4.4, source: OPENAI, checked: 'unconfirmed' },
    { provider: 'anthropic', model: 'claude-3-5-haiku-latest', aliases: ['claude-3-5-haiku-20241022'], input_per_mtok: 0.8, cached_input_per_mtok: 0.08, output_per_mtok: 4, source: ANTHROPIC, checked: 'confirmed' },
    { provider: 'anthropic', model: 'claude-haiku-4-5', aliases: ['claude-haiku-4-5-20251001'], input_per_mtok: 1, cached_input_per_mtok: 0.1, output_per_mtok: 5, source: ANTHROPIC, checked: 'confirmed' },
    { provider: 'anthropic', model: 'claude-3-haiku-20240307', input_per_mtok: 0.25, cached_input_per_mtok: 0.03, output_per_mtok: 1.25, source: ANTHROPIC, checked: 'confirmed' },
    { provider: 'anthropic', model: 'claude-sonnet-4-5', aliases: ['claude-sonnet-4-5-20250929'], input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15, source: ANTHROPIC, checked: 'confirmed', note: OVER_200K },
    { provider: 'anthropic', model: 'claude-sonnet-4-0', aliases: ['claude-sonnet-4-20250514'], input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15, source: ANTHROPIC, checked: 'confirmed', note: OVER_200K },
    { provider: 'anthropic', model: 'claude-3-7-sonnet-latest', aliases: ['claude-3-7-sonnet-20250219'], input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15, source: ANTHROPIC, checked: 'confirmed' },
    { provider: 'anthropic', model: 'claude-opus-4-5', aliases: ['claude-opus-4-5-20251101'], input_per_mtok: 5, cached_input_per_mtok: 0.5, output_per_mtok: 25, source: ANTHROPIC, checked: 'confirmed' },
    { provider: 'anthropic', model: 'claude-opus-4-1', aliases: ['claude-opus-4-1-20250805'], input_per_mtok: 15, cached_input_per_mtok: 1.5, output_per_mtok: 75, source: ANTHROPIC, checked: 'confirmed', note: 'retired on the Claude API by the as_of date (still on Bedrock and Google Cloud)' },
    { provider: 'anthropic', model: 'claude-opus-4-0', aliases: ['claude-opus-4-20250514'], input_per_mtok: 15, cached_input_per_mtok: 1.5, output_per_mtok: 75, source: ANTHROPIC, checked: 'confirmed', note: 'retired on the Claude API by the as_of date (still on Google Cloud)' },
    { provider: 'gemini', model: 'gemini-2.0-flash', aliases: ['gemini-2.0-flash-001'], input_per_mtok: 0.1, cached_input_per_mtok: 0.025, output_per_mtok: 0.4, source: GEMINI, checked: 'unconfirmed' },
    { provider: 'gemini', model: 'gemini-2.0-flash-lite', aliases: ['gemini-2.0-flash-lite-001'], input_per_mtok: 0.075, output_per_mtok: 0.3, source: GEMINI, checked: 'unconfirmed' },
    { provider: 'gemini', model: 'gemini-2.5-flash', input_per_mtok: 0.3, output_per_mtok: 2.5, source: GEMINI, checked: 'unconfirmed', note: 'output includes thinking tokens' },
    { provider: 'gemini', model: 'gemini-2.5-flash-lite', input_per_mtok: 0.1, output_per_mtok: 0.4, source: GEMINI, checked: 'unconfirmed' },
    { provider: 'gemini', model: 'gemini-2.5-pro', input_per_mtok: 1.25, output_per_mtok: 10, source: GEMINI, checked: 'unconfirmed', note: OVER_200K },
    { provider: 'xai', model: 'grok-3', input_per_mtok: 3, cached_input_per_mtok: 0.75, output_per_mtok: 15, source: XAI, checked: 'unconfirmed' },
    { provider: 'xai', model: 'grok-3-mini', input_per_mtok: 0.3, cached_input_per_mtok: 0.075, output_per_mtok: 0.5, source: XAI, checked: 'unconfirmed' },
    { provider: 'xai', model: 'grok-4-0709', aliases: ['grok-4'], input_per_mtok: 3, cached_input_per_mtok: 0.75, output_per_mtok: 15, source: XAI, checked: 'unconfirmed', note: OVER_200K },
    { provider: 'moonshot', model: 'moonshot-v1-8k', input_per_mtok: 0.2, output_per_mtok: 2, source: MOONSHOT, checked: 'unconfirmed' },
    { provider: 'moonshot', model: 'moonshot-v1-32k', input_per_mtok: 1, output_per_mtok: 3, source: MOONSHOT, checked: 'unconfirmed' },
    { provider: 'moonshot', model: 'moonshot-v1-128k', input_per_mtok: 2, output_per_mtok: 5, source: MOONSHOT, checked: 'unconfirmed' },
    { provider: 'moonshot', model: 'kimi-k2-0711-preview', input_per_mtok: 0.6, cached_input_per_mtok: 0.15, output_per_mtok: 2.5, source: MOONSHOT, checked: 'unconfirmed' },
  ],
});
