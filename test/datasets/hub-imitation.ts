// MSW handlers that answer like the Hugging Face dataset viewer and hub API, for the hf_hub
// loader's tests: /splits, /rows pages (at most 100 rows, the documented limit), the viewer's
// {"error": ...} bodies, and the hub's revision lookup. Every request is logged so tests can
// count them; anything else is unhandled, so with onUnhandledRequest: 'error' nothing leaves.
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface FakeDataset {
  hub_id: string;
  /** config → split → rows */
  configs: Record<string, Record<string, Array<Record<string, unknown>>>>;
  /** revision → commit sha; main is the head the viewer serves. */
  revisions?: Record<string, string>;
}

export interface HubImitation {
  handlers: HttpHandler[];
  /** `path?query` of every request, in order. */
  requests: string[];
  /** Authorization headers seen. */
  authorizations: Array<string | null>;
}

const notFound = () => HttpResponse.json({ error: 'The dataset does not exist, or is not accessible without authentication.' }, { status: 404 });

export function imitateHub(datasets: FakeDataset[], options: { rateLimitFirst?: number } = {}): HubImitation {
  const requests: string[] = [];
  const authorizations: Array<string | null> = [];
  let rateLimited = options.rateLimitFirst ?? 0;
  const seen = (request: Request): void => {
    const url = new URL(request.url);
    requests.push(`${url.pathname}${url.search}`);
    authorizations.push(request.headers.get('authorization'));
  };
  const find = (id: string | null) => datasets.find((d) => d.hub_id === id);
  const handlers = [
    http.get('https://datasets-server.huggingface.co/splits', ({ request }) => {
      seen(request);
      const dataset = find(new URL(request.url).searchParams.get('dataset'));
      if (!dataset) return notFound();
      const splits = Object.entries(dataset.configs).flatMap(([config, splitRows]) =>
        Object.keys(splitRows).map((split) => ({ dataset: dataset.hub_id, config, split })),
      );
      return HttpResponse.json({ splits, pending: [], failed: [] });
    }),
    http.get('https://datasets-server.huggingface.co/rows', ({ request }) => {
      seen(request);
      if (rateLimited > 0) {
        rateLimited -= 1;
        return HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers: { 'retry-after': '0' } });
      }
      const q = new URL(request.url).searchParams;
      const rows = find(q.get('dataset'))?.configs[q.get('config') ?? '']?.[q.get('split') ?? ''];
      if (!rows) return notFound();
      const offset = Number(q.get('offset') ?? 0);
      const length = Number(q.get('length') ?? 100);
      if (length > 100) return HttpResponse.json({ error: 'Parameter length must be less than or equal to 100' }, { status: 422 });
      const page = rows.slice(offset, offset + length).map((row, i) => ({ row_idx: offset + i, row, truncated_cells: [] }));
      return HttpResponse.json({ features: [], rows: page, num_rows_total: rows.length, num_rows_per_page: 100, partial: false });
    }),
    http.get('https://huggingface.co/api/datasets/*', ({ request }) => {
      seen(request);
      const match = /^\/api\/datasets\/(.+)\/revision\/([^/]+)$/.exec(new URL(request.url).pathname);
      const dataset = find(match ? decodeURIComponent(match[1]!) : null);
      const sha = dataset?.revisions?.[decodeURIComponent(match?.[2] ?? '')];
      return sha ? HttpResponse.json({ id: dataset!.hub_id, sha }) : HttpResponse.json({ error: 'Revision Not Found' }, { status: 404 });
    }),
  ];
  return { handlers, requests, authorizations };
}

/** `n` PIQA-shaped rows: goal-0001, … with alternating labels. */
export function piqaRows(n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({ goal: `goal-${String(i + 1).padStart(4, '0')}`, sol1: `first ${i}`, sol2: `second ${i}`, label: i % 2 }));
}
