// The config layer's public surface: load a pipeline file, expand it into cases.
export { expandCases, loadCases, type CaseSpec } from './cases.js';
export { ConfigError, formatIssue, type ConfigIssue } from './errors.js';
export { coerceScalar, interpolateDocument, substitute, type Env, type Substitution } from './interpolate.js';
export { loadPipeline, parsePipeline, type LoadedPipeline, type LoadOptions } from './load.js';
export {
  CANONICAL_PROVIDERS,
  canonicalProvider,
  describeKnownProviders,
  knownProviderNames,
  type CanonicalProvider,
} from './provider-names.js';
export * from './schema.js';
