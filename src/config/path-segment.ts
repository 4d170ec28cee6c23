// A name made safe as one path segment (a pipeline or model folder, a recordings file): run
// folders and recordings files are named alike, so a model's runs and recordings match.

/** Only [A-Za-z0-9._-]; never empty, never `.` or `..`, so a name can't escape its parent. */
export function sanitizeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return cleaned.replace(/\./g, '_') || '_';
  return cleaned;
}
