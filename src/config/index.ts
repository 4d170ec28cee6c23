// The config layer's public surface: load a pipeline file, expand it into cases.
export { expandCases, loadCases, type CaseSpec, type JudgeSpec, type ResolvedDataset } from './cases.js';
export { ConfigError, formatIssue, type ConfigIssue } from './errors.js';
export { coerceScalar, interpolateDocument, substitute, type Env, type Substitution } from './interpolate.js';
export { loadPipeline, parsePipeline, validatePipeline, type LoadedPipeline, type LoadOptions, type PipelineCheck } from './load.js';
export type { PathIssue } from './locate.js';
export {
  CANONICAL_PROVIDERS,
  canonicalProvider,
  describeKnownProviders,
  knownProviderNames,
  type CanonicalProvider,
} from './provider-names.js';
export * from './schema.js';
export { renderMatrix, type RenderedMatrix, type RenderedEntry, type SkippedEntry, type RenderOptions } from './matrix.js';
export { renderedFileName, renderedFileText } from './matrix-output.js';
export { matrixEntrySchema, matrixFileSchema, type MatrixEntry } from './matrix-schema.js';
