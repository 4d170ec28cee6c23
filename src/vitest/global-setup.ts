// Global setup for eval projects. Its teardown rebuilds every pipeline's summary.index.json
// with the same collector the reporter uses, so the index is right even when the reporter is
// not configured.
import type { TestProject } from 'vitest/node';
import { pipelineRoots, writeIndex } from '../reporter/collect-index.js';
import { displayPath } from '../config/display-path.js';
import { outputRoot } from '../reporter/paths.js';

export default function setup(project: TestProject): () => void {
  const projectRoot = project.vitest.config.root;
  return () => {
    for (const root of pipelineRoots(outputRoot(projectRoot))) {
      const { problems } = writeIndex(root, { label: displayPath(root, projectRoot) });
      for (const p of problems) console.warn(`evalmatrix: ${p}`);
    }
  };
}
