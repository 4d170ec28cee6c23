// The hf_hub loader against MSW handlers that answer like the Hugging Face dataset viewer.
// Nothing reaches the real hub: any request the imitation does not answer fails the test.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHubRows, type HubReadOptions } from '../../src/datasets/hf-hub.js';
import { loadDataset } from '../../src/datasets/load.js';
import type { RowEntry } from '../../src/datasets/row-entry.js';
import { imitateHub, piqaRows, type FakeDataset } from './hub-imitation.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PIQA: FakeDataset = { hub_id: 'ybisk/piqa', configs: { plain_text: { train: piqaRows(3), validation: piqaRows(250) } } };

function hub(datasets: FakeDataset[] = [PIQA], options: { rateLimitFirst?: number } = {}) {
  const imitation = imitateHub(datasets, options);
  server.use(...imitation.handlers);
  return imitation;
}

/** A fresh cache per test, so no test reads another's pages. */
function options(env: Record<string, string> = {}): HubReadOptions & { cacheDir: string } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'em-hub-cache-'));
  return { env: { EVALMATRIX_CACHE_DIR: cacheDir, ...env }, fetch: { retryDelayMs: 0 }, cacheDir };
}

async function collect(rows: AsyncGenerator<RowEntry>, limit = Infinity): Promise<RowEntry[]> {
  const out: RowEntry[] = [];
  for await (const row of rows) {
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

const validation = { hub_id: 'ybisk/piqa', split: 'validation', config: 'plain_text' };

describe('reading a split', () => {
  it('pages through /rows 100 rows at a time, in order, numbering rows from 1', async () => {
    const { requests } = hub();
    const rows = await collect(readHubRows(validation, options()));
    expect(rows).toHaveLength(250);
    expect(rows[0]).toEqual({ line: 1, value: piqaRows(1)[0] });
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(requests).toEqual([0, 100, 200].map((offset) => `/rows?dataset=ybisk%2Fpiqa&config=plain_text&split=validation&offset=${offset}&length=100`));
  });

  it('fetches only the pages a consumer reads', async () => {
    const { requests } = hub();
    expect(await collect(readHubRows(validation, options()), 20)).toHaveLength(20);
    expect(requests).toHaveLength(1);
  });

  it('finds the subset from /splits when hub_params.config is not given', async () => {
    const { requests } = hub();
    const rows = await collect(readHubRows({ hub_id: 'ybisk/piqa', split: 'train' }, options()));
    expect(rows).toHaveLength(3);
    expect(requests[0]).toBe('/splits?dataset=ybisk%2Fpiqa');
  });

  it('asks for hub_params.config when several subsets have the split, and lists the splits when none has it', async () => {
    hub([{ hub_id: 'multi', configs: { a: { test: [] }, b: { test: [] } } }]);
    await expect(collect(readHubRows({ hub_id: 'multi', split: 'test' }, options()))).rejects.toThrow(
      'multi has split "test" in several subsets (a, b). Name one in hub_params.config',
    );
    await expect(collect(readHubRows({ hub_id: 'multi', split: 'dev' }, options()))).rejects.toThrow(
      'multi has no split "dev" (subset/split: a/test, b/test). Fix hub_params.split',
    );
  });

  it('goes through the loader with the piqa preprocessor, row errors naming the hub split', async () => {
    const rows = [...piqaRows(2), { goal: 'no solutions', label: 0 }];
    hub([{ hub_id: 'piqa', configs: { plain_text: { validation: rows } } }]);
    const spec = { dataset_id: 'p', loader: 'hf_hub' as const, hub_params: { hub_id: 'piqa', split: 'validation' }, params: { preprocess: 'piqa' as const } };
    const items = [];
    for await (const item of loadDataset(spec, { hub: options() })) items.push(item);
    expect(items.slice(0, 2).map((i) => i.ok && i.sample.reference)).toEqual(['A', 'B']);
    expect(items[2]).toMatchObject({ ok: false, error: { file: 'hf://datasets/piqa/validation', line: 3 } });
    expect(!items[2]!.ok && items[2]!.error.message).toMatch(/^hf:\/\/datasets\/piqa\/validation:3: piqa field "sol1"/);
  });
});

describe('errors', () => {
  it('says what to check when the dataset viewer does not know the dataset (404)', async () => {
    hub();
    const error = await collect(readHubRows({ hub_id: 'nobody/nothing', split: 'validation', config: 'x' }, options())).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'rows 0–99 of hf://datasets/nobody/nothing/x/validation: HTTP 404 (The dataset does not exist, or is not accessible without authentication.). ' +
        "Check hub_id, config and split against the dataset's page on huggingface.co",
    );
  });

  it('retries a rate limit (429) with the server\'s Retry-After, then reads on', async () => {
    const { requests } = hub([PIQA], { rateLimitFirst: 2 });
    expect(await collect(readHubRows(validation, options()))).toHaveLength(250);
    expect(requests.slice(0, 3)).toEqual(Array(3).fill(requests[0]));
    expect(requests).toHaveLength(5);
  });

  it('gives up on a rate limit that lasts, after the configured attempts', async () => {
    const { requests } = hub([PIQA], { rateLimitFirst: 100 });
    const error = await collect(readHubRows(validation, { ...options(), fetch: { retryDelayMs: 0, attempts: 3 } })).catch((e: Error) => e);
    expect((error as Error).message).toContain('HTTP 429 (Too many requests), still failing after 3 attempts. Try again later, or set HF_TOKEN');
    expect(requests).toHaveLength(3);
  });

  it('sends HF_TOKEN as a bearer token and never puts it in a message', async () => {
    const { authorizations } = hub();
    const token = 'hf_secret_token_123';
    await collect(readHubRows(validation, options({ HF_TOKEN: token })), 1);
    expect(authorizations).toEqual([`Bearer ${token}`]);
    const error = await collect(readHubRows({ ...validation, hub_id: 'gone' }, options({ HF_TOKEN: token }))).catch((e: Error) => e);
    expect((error as Error).message).not.toContain(token);
  });

  it('marks a row whose cells the viewer truncated as a bad row, not a silent partial one', async () => {
    server.use(
      (await import('msw')).http.get('https://datasets-server.huggingface.co/rows', () =>
        Response.json({ rows: [{ row_idx: 0, row: { goal: 'x' }, truncated_cells: ['goal'] }], num_rows_total: 1 }),
      ),
    );
    expect(await collect(readHubRows(validation, options()))).toEqual([{ line: 1, error: 'the dataset viewer truncated cells goal of row 0' }]);
  });
});

describe('the cache', () => {
  it('serves a split read once with no network at all, and survives a cleared handler list', async () => {
    const first = hub();
    const opts = options();
    const online = await collect(readHubRows(validation, opts));
    expect(first.requests).toHaveLength(3);
    expect(readdirSync(path.join(opts.cacheDir, 'hf', 'ybisk%2Fpiqa', 'main', 'plain_text', 'validation'))).toEqual([
      'rows-000000000.json',
      'rows-000000100.json',
      'rows-000000200.json',
    ]);

    // Offline: no handler answers, and an unhandled request fails the test.
    server.resetHandlers();
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(request.url));
    expect(await collect(readHubRows(validation, opts))).toEqual(online);
    expect(requests).toEqual([]);
    server.events.removeAllListeners();
  });

  it('with HF_HUB_OFFLINE reads only the cache, and says so when a page is missing', async () => {
    const { requests } = hub();
    const error = await collect(readHubRows(validation, options({ HF_HUB_OFFLINE: '1' }))).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^rows 0–99 of hf:\/\/datasets\/ybisk\/piqa\/plain_text\/validation is not in the cache \(.+rows-000000000\.json\) and HF_HUB_OFFLINE forbids the network/);
    expect(requests).toEqual([]);
  });

  it('names the cache folder when the hub cannot be reached and nothing is cached', async () => {
    // No handlers: MSW fails the request like a network error would.
    server.use((await import('msw')).http.get('https://datasets-server.huggingface.co/rows', () => Response.error()));
    const opts = options();
    const error = await collect(readHubRows(validation, opts)).catch((e: Error) => e);
    expect((error as Error).message).toContain('cannot reach https://datasets-server.huggingface.co for rows 0–99');
    expect((error as Error).message).toContain(`nothing for it is cached in ${path.join(opts.cacheDir, 'hf', 'ybisk%2Fpiqa', 'main')}`);
  });
});

describe('a pinned revision', () => {
  const pinned = { ...PIQA, revisions: { main: 'a'.repeat(40), v1: 'b'.repeat(40), head: 'a'.repeat(40) } };

  it('is read when it is the commit the viewer serves', async () => {
    const { requests } = hub([pinned]);
    expect(await collect(readHubRows({ ...validation, revision: 'head' }, options()), 1)).toHaveLength(1);
    expect(requests.slice(0, 2)).toEqual(['/api/datasets/ybisk/piqa/revision/head', '/api/datasets/ybisk/piqa/revision/main']);
  });

  it('is refused, naming both commits, when main has moved on', async () => {
    hub([pinned]);
    await expect(collect(readHubRows({ ...validation, revision: 'v1' }, options()))).rejects.toThrow(
      `ybisk/piqa revision "v1" is commit bbbbbbbbbbbb, but the dataset viewer serves main (aaaaaaaaaaaa) and nothing older. Remove hub_params.revision or pin it to ${'a'.repeat(40)}`,
    );
  });
});
