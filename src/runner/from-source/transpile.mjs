// TypeScript → JavaScript for one module, types stripped, nothing checked. Used when code runs
// from src/ without a build: by the loader hooks below and by the benchmark's build step.
import ts from 'typescript';

/** @param {string} source @param {string} fileName @returns {string} */
export function transpileTs(source, fileName) {
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      useDefineForClassFields: true,
    },
  }).outputText;
}
