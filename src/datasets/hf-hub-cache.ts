// The on-disk cache of hub answers, so a dataset read once reads again without the network.
// One file per answer, written whole (temp file + rename): a killed download leaves either a
// complete page or none. Layout, every segment URI-encoded so `owner/name` stays one folder:
//   <cache>/hf/<hub_id>/<revision>/splits.json
//   <cache>/hf/<hub_id>/<revision>/<config>/<split>/rows-<offset>.json
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** EVALMATRIX_CACHE_DIR, else $XDG_CACHE_HOME/evalmatrix, else ~/.cache/evalmatrix. */
export function cacheRoot(env: Env): string {
  const explicit = env.EVALMATRIX_CACHE_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const xdg = env.XDG_CACHE_HOME?.trim();
  return path.join(xdg ? path.resolve(xdg) : path.join(homedir(), '.cache'), 'evalmatrix');
}

export class HubCache {
  constructor(private readonly root: string) {}

  /** The folder of one dataset revision, for messages and for clearing it by hand. */
  datasetDir(hubId: string, revision: string): string {
    return path.join(this.root, 'hf', encode(hubId), encode(revision));
  }

  splitsFile(hubId: string, revision: string): string {
    return path.join(this.datasetDir(hubId, revision), 'splits.json');
  }

  pageFile(hubId: string, revision: string, config: string, split: string, offset: number): string {
    return path.join(this.datasetDir(hubId, revision), encode(config), encode(split), `rows-${String(offset).padStart(9, '0')}.json`);
  }

  /** The stored answer, or undefined when there is none or it cannot be read (then it is fetched again). */
  read(file: string): unknown {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  write(file: string, value: unknown): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
  }
}

function encode(segment: string): string {
  // encodeURIComponent leaves "." alone; a segment of dots must not climb out of the cache.
  const encoded = encodeURIComponent(segment);
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}
