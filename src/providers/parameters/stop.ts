// The stop parameter as every rule needs it first: a list, or nothing.
import type { GenerationParameters } from '../../config/schema.js';

/** A stop string or list as a list; an empty list is omitted rather than sent as []. */
export function stopList(stop: GenerationParameters['stop']): string[] | undefined {
  const list = typeof stop === 'string' ? [stop] : stop;
  return list && list.length > 0 ? list : undefined;
}
