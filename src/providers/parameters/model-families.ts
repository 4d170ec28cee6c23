// Which models take which parameters, by name: the facts both the parameter rules (which
// adapt a request) and the mocks (which reject one as the real service would) rely on.

/** OpenAI's reasoning models, the o-series and the gpt-5 family: `o1`, `o3-pro`, `o4-mini`, `gpt-5-nano`… */
export function isReasoningModel(model: string): boolean {
  return /^(o1|o3|o4-mini)([-.]|$)|^gpt-5/i.test(model);
}

/** xAI: grok-3-mini and the grok-4 family reject `stop`. */
export function grokRejectsStop(model: string): boolean {
  return /^grok-(3-mini|4)/i.test(model);
}

/** xAI: the grok-4 family rejects presence_penalty and frequency_penalty. */
export function grokRejectsPenalties(model: string): boolean {
  return /^grok-4/i.test(model);
}

/** Moonshot: kimi-* models fix their sampling parameters and reject any other value. */
export function isPinnedKimi(model: string): boolean {
  return /^kimi-/i.test(model);
}

/** Moonshot: json_schema response formats work on kimi-k2.6 and later (kimi-k2.5 and the
 *  moonshot-v1 models take json_object only). */
export function moonshotTakesJsonSchema(model: string): boolean {
  return /^kimi-k2\.([6-9]|\d{2,})|^kimi-k([3-9]|\d{2,})/i.test(model);
}
