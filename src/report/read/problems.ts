// What was found and skipped while reading a run: one line per problem, with the path. A file
// with thousands of bad lines is listed by its first few and a count, not line by line.
import { displayPath } from '../../config/display-path.js';

const SHOWN_PER_FILE = 3;

export class Problems {
  private readonly lines: string[] = [];
  private readonly perFile = new Map<string, number>();

  /** `what` says what was skipped and why, e.g. `line 41 skipped: truncated or invalid JSON`. */
  add(file: string, what: string): void {
    const seen = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, seen);
    if (seen <= SHOWN_PER_FILE) this.lines.push(`${displayPath(file)}: ${what}`);
  }

  /** A problem already phrased with its path (from another reader). */
  push(line: string): void {
    this.lines.push(line);
  }

  list(): string[] {
    const more = [...this.perFile]
      .filter(([, n]) => n > SHOWN_PER_FILE)
      .map(([file, n]) => `${displayPath(file)}: ${n - SHOWN_PER_FILE} more problems like the above`);
    return [...this.lines, ...more];
  }
}
