export { defineEvalSuite, EvalCaseFailure, type EvalSuiteOptions } from './suite.js';
export { evalmatrix, SETUP_FILE, GLOBAL_SETUP_FILE, type EvalmatrixPluginOptions } from './plugin.js';
export { resolveMode } from './mode.js';
