// EVALMATRIX_MOCK_FAULTS: "rate_limit:0.2,server_error:0.1,timeout:0.05,malformed:0.05,reset:0.01"
// — the share of requests each fault answers, drawn in this order.

export const FAULT_KINDS = ['rate_limit', 'server_error', 'timeout', 'malformed', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultRates = Partial<Record<FaultKind, number>>;

/** Throws naming the variable and the bad part, so a typo cannot silently disable a fault. */
export function parseFaultSpec(spec: string, variable = 'EVALMATRIX_MOCK_FAULTS'): FaultRates {
  const rates: FaultRates = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^([a-z_]+)\s*:\s*(\d*\.?\d+)$/.exec(part);
    const kind = match?.[1];
    if (!match || !(FAULT_KINDS as readonly string[]).includes(kind!)) {
      throw new Error(`${variable}: "${part}" is not <kind>:<share>; kinds are ${FAULT_KINDS.join(', ')}, shares 0 to 1 (e.g. rate_limit:0.2,server_error:0.1).`);
    }
    const share = Number(match[2]);
    if (share > 1) throw new Error(`${variable}: "${part}" has a share above 1.`);
    rates[kind as FaultKind] = share;
  }
  const total = Object.values(rates).reduce((a, b) => a + b, 0);
  if (total > 1 + 1e-9) throw new Error(`${variable}: the shares add up to ${total}, more than 1.`);
  return rates;
}
