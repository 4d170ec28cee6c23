// The pipeline schema: the one source of truth for the YAML shape, one file per part under
// schema/. Every type the rest of the code uses for configuration is inferred from these.
export * from './schema/common.js';
export * from './schema/prompt.js';
export * from './schema/dataset.js';
export * from './schema/price.js';
export * from './schema/backend.js';
export * from './schema/adapter.js';
export * from './schema/metric.js';
export * from './schema/task.js';
export * from './schema/pipeline.js';
