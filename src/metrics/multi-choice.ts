// multi_choice_accuracy: 1 when the option extracted from the reply equals the sample's
// reference letter, else 0. An unreadable reply scores 0 with a null prediction.
import type { Sample } from '../datasets/sample.js';
import { extractChoice } from './extract.js';
import { defineMetric } from './metric.js';

/** Used when a sample carries no option_map, the usual four-way question. */
const DEFAULT_OPTIONS = ['A', 'B', 'C', 'D'];

export const multiChoiceAccuracy = defineMetric({
  name: 'multi_choice_accuracy',
  score({ sample, output }) {
    const prediction = extractChoice(output.text, optionsOf(sample));
    const reference = sample.reference ?? null;
    return { score: prediction !== null && prediction === reference ? 1 : 0, prediction, reference };
  },
});

function optionsOf(sample: Sample): string[] {
  const map = sample.metadata.option_map;
  const keys = map !== null && typeof map === 'object' && !Array.isArray(map) ? Object.keys(map) : [];
  return keys.length > 0 ? keys : DEFAULT_OPTIONS;
}
