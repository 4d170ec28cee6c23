// The folder (and recordings file) name an id is written under (runs/<pipeline>/<model>/…,
// evals/__recordings__/<pipeline>/<model>.jsonl, so a model's runs and recordings match). Config needs it
// to refuse ids that would share a folder; the reporter uses it to name the folders.

/** Only [A-Za-z0-9._-]; never empty, never `.` or `..`, so a name can't escape its parent. */
export function sanitizeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return cleaned.replace(/\./g, '_') || '_';
  return cleaned;
}

/**
 * Two ids with the same key land in one folder: the same sanitized name, or names that differ
 * only in case, which macOS's and Windows' default file systems treat as one.
 */
export function folderKey(id: string): string {
  return sanitizeSegment(id).toLowerCase();
}
