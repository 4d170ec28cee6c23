export { defineEvalSuite, EvalCaseFailure, type EvalSuiteOptions } from './suite.js';
export { evalmatrixRoot, evalmatrixProject, withEvalmatrix, SETUP_FILE, GLOBAL_SETUP_FILE, type EvalmatrixRootOptions } from './config.js';
export { resolveMode } from './mode.js';
