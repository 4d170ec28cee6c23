// An error a metric raises on purpose about one sample, with a type of its own (a judge's
// answer that gives no choice: `judge_unparseable`). The runner records the type as the
// sample_error's error_type and puts the metric's id in front of the message.
export class MetricFault extends Error {
  constructor(type: string, message: string) {
    super(message);
    this.name = type;
  }
}
