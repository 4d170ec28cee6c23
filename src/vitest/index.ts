export { defineEvalSuite, type EvalSuiteOptions } from './suite.js';
export type { TaskFunction, TaskInput, TaskReturn } from '../runner/task-call.js';
export type { DatasetRow, DatasetRows } from '../datasets/loaders/code.js';
export { defineMatrixSuite, type MatrixSuiteOptions } from './matrix.js';
export { EvalCaseFailure } from './case-test.js';
export { evalmatrix, SETUP_FILE, GLOBAL_SETUP_FILE, type EvalmatrixPluginOptions } from './plugin.js';
export { resolveMode } from './mode.js';
export { hubOnline } from './hub-online.js';
