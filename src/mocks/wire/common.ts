// What every wire builder needs: ids shaped like the providers' and a rough token count.

/** About four characters per token: close enough for usage numbers a mock reports. */
export function roughTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

/** `chatcmpl-…`, `msg_…`: the provider's prefix and a random suffix. */
export function mockId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/** The prompt's tokens: its texts (system, turns) a newline apart, empty ones left out. */
export function promptTokenCount(texts: readonly string[]): number {
  return roughTokenCount(texts.filter((t) => t !== '').join('\n'));
}
