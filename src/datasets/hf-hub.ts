// `loader: hf_hub`: a public dataset split read through the Hugging Face dataset viewer's
// /rows API, a page of up to 100 rows at a time, so only the pages a run needs are fetched.
// Every answer is cached on disk and read from there first: a dataset read once is read
// again offline, and a run never changes under a moving `main` unless the cache is cleared.
// HF_HUB_OFFLINE=1 forbids the network; then only the cache is read.
import type { HfHubDatasetSpec } from '../config/schema.js';
import { envFlag } from './env-flag.js';
import { cacheRoot, HubCache } from './hf-hub-cache.js';
import { getHubJson, HUB_URL, HubUnreachableError, VIEWER_URL, type HubFetchOptions } from './hf-hub-fetch.js';
import type { RowEntry } from './row-entry.js';
import { isRecord } from '../config/is-record.js';

export const PAGE_SIZE = 100;

export interface HubReadOptions {
  /** HF_TOKEN, HF_HUB_OFFLINE, EVALMATRIX_CACHE_DIR, XDG_CACHE_HOME; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Retry pacing; tests shorten it. */
  fetch?: Omit<HubFetchOptions, 'token'>;
}

type HubParams = HfHubDatasetSpec['hub_params'];

interface Page {
  num_rows_total: number;
  rows: Array<{ row_idx: number; row: unknown; truncated_cells?: string[] }>;
}

/** `hf://datasets/<hub_id>/[<config>/]<split>`: how rows of this split are named in errors. */
export function hubLabel(params: HubParams, config = params.config): string {
  return `hf://datasets/${params.hub_id}/${config === undefined ? '' : `${config}/`}${params.split}`;
}

/** Yields every row of the split in order; `line` is the 1-based row number. Stop early to fetch no more. */
export async function* readHubRows(params: HubParams, options: HubReadOptions = {}): AsyncGenerator<RowEntry> {
  const source = new HubSource(params, options);
  const config = await source.config();
  let total = Infinity;
  for (let offset = 0; offset < total; ) {
    const page = await source.page(config, offset);
    total = page.num_rows_total;
    if (page.rows.length === 0) return; // a split shorter than it claimed; never loop forever
    for (const { row_idx, row, truncated_cells } of page.rows) {
      const line = row_idx + 1;
      if (truncated_cells && truncated_cells.length > 0) {
        yield { line, error: `the dataset viewer truncated cells ${truncated_cells.join(', ')} of row ${row_idx}` };
      } else if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        yield { line, error: `row ${row_idx} is not an object` };
      } else {
        yield { line, value: row as Record<string, unknown> };
      }
    }
    offset += page.rows.length;
  }
}

/** One split's pages, from the cache or the network, and the facts needed to ask for them. */
class HubSource {
  private readonly cache: HubCache;
  private readonly revision: string;
  private readonly offline: boolean;
  private readonly fetchOptions: HubFetchOptions;
  private revisionChecked = false;

  constructor(
    private readonly params: HubParams,
    options: HubReadOptions,
  ) {
    const env = options.env ?? process.env;
    this.cache = new HubCache(cacheRoot(env));
    this.revision = params.revision ?? 'main';
    this.offline = envFlag(env.HF_HUB_OFFLINE);
    const token = env.HF_TOKEN?.trim();
    this.fetchOptions = { ...options.fetch, ...(token ? { token } : {}) };
  }

  /** hub_params.config, or the one subset that has the split. */
  async config(): Promise<string> {
    if (this.params.config !== undefined) return this.params.config;
    const { hub_id, split } = this.params;
    const answer = await this.cached(
      this.cache.splitsFile(hub_id, this.revision),
      `the subsets and splits of ${hub_id}`,
      () => `${VIEWER_URL}/splits?${new URLSearchParams({ dataset: hub_id })}`,
      (value) => isRecord(value) && Array.isArray(value.splits),
    );
    const entries = isRecord(answer) && Array.isArray(answer.splits) ? answer.splits.filter(isRecord) : [];
    const configs = [...new Set(entries.filter((e) => e.split === split).map((e) => String(e.config)))];
    if (configs.length === 1) return configs[0]!;
    const available = entries.map((e) => `${String(e.config)}/${String(e.split)}`).join(', ') || 'none';
    throw new Error(
      configs.length === 0
        ? `${hub_id} has no split "${split}" (subset/split: ${available}). Fix hub_params.split`
        : `${hub_id} has split "${split}" in several subsets (${configs.join(', ')}). Name one in hub_params.config`,
    );
  }

  async page(config: string, offset: number): Promise<Page> {
    const { hub_id, split } = this.params;
    const what = `rows ${offset}–${offset + PAGE_SIZE - 1} of ${hubLabel(this.params, config)}`;
    return (await this.cached(
      this.cache.pageFile(hub_id, this.revision, config, split, offset),
      what,
      () => `${VIEWER_URL}/rows?${new URLSearchParams({ dataset: hub_id, config, split, offset: String(offset), length: String(PAGE_SIZE) })}`,
      isPage,
    )) as Page;
  }

  /** The cached answer, else the network's (then cached). Only well-formed answers are cached. */
  private async cached(file: string, what: string, url: () => string, wellFormed: (value: unknown) => boolean): Promise<unknown> {
    const stored = this.cache.read(file);
    if (stored !== undefined && wellFormed(stored)) return stored;
    if (this.offline) {
      throw new Error(`${what} is not in the cache (${file}) and HF_HUB_OFFLINE forbids the network. Unset HF_HUB_OFFLINE and run once online to fill the cache`);
    }
    let answer: unknown;
    try {
      await this.checkRevision();
      answer = await getHubJson(url(), what, this.fetchOptions);
    } catch (error) {
      if (!(error instanceof HubUnreachableError)) throw error;
      throw new Error(`${error.message.replace(/\.$/, '')}; nothing for it is cached in ${this.cache.datasetDir(this.params.hub_id, this.revision)}. Run once with network access (in mock mode requests are blocked: set EVALMATRIX_HUB_ONLINE=1) to fill the cache`, { cause: error });
    }
    if (!wellFormed(answer)) throw new Error(`${what}: the answer is not in the shape the dataset viewer documents`);
    this.cache.write(file, answer);
    return answer;
  }

  /** The dataset viewer serves only the head of main: a pinned revision must be that commit. */
  private async checkRevision(): Promise<void> {
    if (this.revisionChecked || this.revision === 'main') return;
    const { hub_id } = this.params;
    const sha = async (revision: string): Promise<string> => {
      const id = hub_id.split('/').map(encodeURIComponent).join('/');
      const url = `${HUB_URL}/api/datasets/${id}/revision/${encodeURIComponent(revision)}`;
      const info = await getHubJson(url, `revision ${revision} of ${hub_id}`, this.fetchOptions);
      if (!isRecord(info) || typeof info.sha !== 'string') throw new Error(`revision ${revision} of ${hub_id}: the hub's answer has no sha`);
      return info.sha;
    };
    const [pinned, head] = [await sha(this.revision), await sha('main')];
    if (pinned !== head) {
      throw new Error(
        `${hub_id} revision "${this.revision}" is commit ${pinned.slice(0, 12)}, but the dataset viewer serves main (${head.slice(0, 12)}) and nothing older. ` +
          `Remove hub_params.revision or pin it to ${head}; rows already cached for a revision are read without the network`,
      );
    }
    this.revisionChecked = true;
  }
}

function isPage(value: unknown): value is Page {
  return isRecord(value) && typeof value.num_rows_total === 'number' && Array.isArray(value.rows) && value.rows.every((r) => isRecord(r) && typeof r.row_idx === 'number');
}

