// What `evalmatrix matrix render` writes for one entry: the filled template as YAML (the
// stringifier quotes whatever needs quoting), its dataset paths re-anchored from the template's
// folder to the output folder so the file loads and runs from where it is written.
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { displayPath } from './display-path.js';
import type { RenderedEntry } from './matrix.js';

export function renderedFileName(rendered: RenderedEntry): string {
  // Entry names are ids ([A-Za-z0-9._-]), so this is one plain file name.
  return `${rendered.entry.name}.yaml`;
}

export function renderedFileText(rendered: RenderedEntry, outDir: string, matrixFile: string): string {
  const doc = rendered.doc.clone();
  const datasets = doc.get('datasets', true);
  if (isSeq(datasets)) {
    for (const dataset of datasets.items) {
      if (!isMap(dataset)) continue;
      const file = dataset.get('path', true);
      if (!isScalar(file) || typeof file.value !== 'string' || file.value.includes('${') || path.isAbsolute(file.value)) continue;
      const absolute = path.resolve(rendered.pipeline.baseDir, file.value);
      file.value = path.relative(path.resolve(outDir), absolute).split(path.sep).join('/');
    }
  }
  const header = ` Rendered by \`evalmatrix matrix render\` from ${displayPath(rendered.pipeline.file)} for entry "${rendered.entry.name}" of ${displayPath(matrixFile)}.\n Edit those files and render again rather than editing this one.`;
  doc.commentBefore = doc.commentBefore ? `${header}\n\n${doc.commentBefore}` : header;
  return doc.toString();
}
