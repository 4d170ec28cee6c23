// Ids that name folders (runs/<metadata.name>/<backend_id>/<task_id>/<run_id>/): each must fit
// in a file name, and no two of one pipeline may land in the same folder — they would share one
// events.jsonl and overwrite each other's summary.json while both tests pass.
import { folderKey, sanitizeSegment } from './folder-name.js';
import type { DataPath, PathIssue } from './locate.js';
import type { PipelineSpec } from './schema.js';

/**
 * Characters at most in an id that names a folder. File systems allow 255 bytes per name; 100
 * leaves room for the path around it (Windows' 260-character paths count the whole path).
 */
export const MAX_FOLDER_ID_LENGTH = 100;

export function checkIds(spec: PipelineSpec): PathIssue[] {
  const named: Array<{ path: DataPath; id: string; kind: string }> = [
    { path: ['metadata', 'name'], id: spec.metadata.name, kind: 'metadata.name' },
    ...spec.backends.map((b, i) => ({ path: ['backends', i, 'backend_id'], id: b.backend_id, kind: 'backend_id' })),
    ...spec.tasks.map((t, i) => ({ path: ['tasks', i, 'task_id'], id: t.task_id, kind: 'task_id' })),
  ];
  return [
    ...named.flatMap(tooLong),
    ...sameFolder(named.filter((n) => n.kind === 'backend_id')),
    ...sameFolder(named.filter((n) => n.kind === 'task_id')),
  ];
}

function tooLong(item: { path: DataPath; id: string; kind: string }): PathIssue[] {
  if (item.id.length <= MAX_FOLDER_ID_LENGTH) return [];
  return [
    {
      path: item.path,
      message: `${item.kind} is ${item.id.length} characters long; ids that name output folders are at most ${MAX_FOLDER_ID_LENGTH}`,
      hint: 'Shorten it (metadata.description can hold the long form)',
    },
  ];
}

/** Every id after the first that shares a folder with an earlier one (duplicates are the reference check's). */
function sameFolder(items: Array<{ path: DataPath; id: string; kind: string }>): PathIssue[] {
  const first = new Map<string, string>();
  const issues: PathIssue[] = [];
  for (const item of items) {
    const key = folderKey(item.id);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, item.id);
    else if (earlier !== item.id) {
      issues.push({
        path: item.path,
        message: `${item.kind} "${item.id}" and "${earlier}" would be written to the same folder ("${sanitizeSegment(earlier)}"${earlier.toLowerCase() === item.id.toLowerCase() ? ' on a case-insensitive file system' : ''}), mixing their events and overwriting one summary with the other`,
        hint: 'Rename one of them so they differ by more than case or dots',
      });
    }
  }
  return issues;
}
