// Server-sent events from a fetch body, for the protocols we call without an SDK (Gemini,
// TGI, SGLang). Enough of the format for LLM servers: `event:` and `data:` fields, multi-line
// data, comments, CRLF or LF line ends.

export interface SseEvent {
  event: string | undefined;
  data: string;
}

export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event: string | undefined;
  let data: string[] = [];
  const take = (line: string): SseEvent | undefined => {
    if (line === '') {
      const done = data.length > 0 ? { event, data: data.join('\n') } : undefined;
      event = undefined;
      data = [];
      return done;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    return undefined;
  };
  const reader = body.getReader();
  let finished = false;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffer += decoder.decode(read.value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        const done = take(line);
        if (done) yield done;
      }
    }
    finished = true;
  } finally {
    // Left early (`[DONE]`, a broken event): cancel the rest without waiting for it, since a
    // body MSW mocks never settles its cancel.
    if (!finished) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  buffer += decoder.decode();
  for (const line of [...buffer.split(/\r?\n/), '']) {
    const done = take(line);
    if (done) yield done;
  }
}
