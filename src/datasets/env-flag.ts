// An on/off environment variable, read as the Hugging Face tools read HF_HUB_OFFLINE.
export function envFlag(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test(value?.trim() ?? '');
}
