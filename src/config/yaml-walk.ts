// Visiting the value scalars of a parsed YAML document with their data paths: what ${VAR}
// interpolation and matrix filling both walk. Keys are never visited; aliases are skipped
// (the node they point to is visited where it is defined).
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { DataPath } from './locate.js';

export function forEachScalar(node: unknown, path: DataPath, visit: (scalar: Scalar, path: DataPath) => void): void {
  if (isScalar(node)) visit(node, path);
  else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      forEachScalar(pair.value, [...path, String(key)], visit);
    }
  } else if (isSeq(node)) node.items.forEach((item, index) => forEachScalar(item, [...path, index], visit));
}
