// What the parameter rules did to a backend's generation_parameters before sending them. Each
// change is kept so the inference_end event can say it: a dropped or clamped parameter is
// never silent.

/** `replaced`: something else went on the wire in its place (a response format the provider
 *  does not take, answered another way). */
export const ADJUSTMENT_ACTIONS = ['dropped', 'clamped', 'renamed', 'defaulted', 'truncated', 'replaced'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];

export interface ParameterAdjustment {
  /** The name in generation_parameters. */
  parameter: string;
  action: AdjustmentAction;
  /** What the config asked for (undefined when it set nothing). */
  value?: unknown;
  /** What went on the wire instead, when something did (a clamped value, a new name). */
  sent?: unknown;
  reason: string;
}

/** A rule's output: the wire parameters and what changed on the way. */
export interface PlannedParameters<Wire> {
  wire: Wire;
  adjustments: ParameterAdjustment[];
}

/** Collects adjustments while a rule runs; every helper returns what should be sent. */
export class Adjustments {
  readonly list: ParameterAdjustment[] = [];

  /** Nothing is sent; records only when the config set a value. */
  drop(parameter: string, value: unknown, reason: string): undefined {
    if (value !== undefined) this.list.push({ parameter, action: 'dropped', value, reason });
    return undefined;
  }

  clamp(parameter: string, value: number | undefined, min: number, max: number, reason: string): number | undefined {
    if (value === undefined || (value >= min && value <= max)) return value;
    const sent = Math.min(max, Math.max(min, value));
    this.list.push({ parameter, action: 'clamped', value, sent, reason });
    return sent;
  }

  rename(parameter: string, value: unknown, sent: string, reason: string): void {
    if (value !== undefined) this.list.push({ parameter, action: 'renamed', value, sent, reason });
  }

  default<T>(parameter: string, value: T | undefined, fallback: T, reason: string): T {
    if (value !== undefined) return value;
    this.list.push({ parameter, action: 'defaulted', sent: fallback, reason });
    return fallback;
  }

  /** Keeps the first `max` stop sequences. */
  capStops(stops: string[] | undefined, max: number, reason: string): string[] | undefined {
    if (stops === undefined || stops.length <= max) return stops;
    const sent = stops.slice(0, max);
    this.list.push({ parameter: 'stop', action: 'truncated', value: stops, sent, reason });
    return sent;
  }

  replace(parameter: string, value: unknown, sent: unknown, reason: string): void {
    this.list.push({ parameter, action: 'replaced', value, sent, reason });
  }

  done<Wire>(wire: Wire): PlannedParameters<Wire> {
    return { wire, adjustments: this.list };
  }
}
