// A raw POST to a mock, and its JSON answer: the mocks are tested on the wire, without the clients.
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = { authorization: 'Bearer test' },
): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}
