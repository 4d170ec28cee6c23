// The live benchmark's provider: a minimal OpenAI chat-completions server on 127.0.0.1, in a
// process of its own, so that both sides (evalmatrix in live mode and the raw SDK loop) pay the
// same server cost on the same machine and neither has it in its own process tree.
// It answers "The answer is A." or "… B." from a hash of the last message, so a sample's score
// depends on what was sent (both sides must send the same prompt to score alike), and counts the
// completions it served and when the first arrived and the last was answered (GET /stats; POST
// /reset starts the times over), so the benchmark can check every call was made and see each
// side's time before its first request and after its last answer.
// Usage: node live-server.js; prints `port=<n>` once it listens.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

let completions = 0;
/** Epoch ms: the first request's arrival and the last answer since the last reset. */
let firstAt: number | null = null;
let lastAt: number | null = null;

/** FNV-1a over the text's UTF-16 units: cheap, deterministic, spread over both letters. */
export function answerFor(text: string): 'A' | 'B' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 'A' : 'B';
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function complete(body: string, res: ServerResponse): void {
  const request = JSON.parse(body) as { model: string; messages: { content: string }[] };
  const content = `The answer is ${answerFor(request.messages.at(-1)?.content ?? '')}.`;
  completions += 1;
  lastAt = Date.now();
  const promptTokens = Math.ceil(body.length / 4);
  reply(res, 200, {
    id: `chatcmpl-${completions}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: 5, total_tokens: promptTokens + 5 },
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' && req.url === '/stats') return reply(res, 200, { completions, first_at: firstAt, last_at: lastAt });
  if (req.method === 'POST' && req.url === '/reset') {
    firstAt = lastAt = null;
    return reply(res, 200, {});
  }
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return reply(res, 404, { error: { message: `no route for ${req.method} ${req.url}` } });
  firstAt ??= Date.now();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    try {
      complete(body, res);
    } catch (error) {
      reply(res, 400, { error: { message: (error as Error).message } });
    }
  });
}

if (process.argv[1]?.endsWith('live-server.js')) {
  const server = createServer(handle);
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`port=${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
