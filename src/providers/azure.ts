// Azure OpenAI: the OpenAI protocol on per-resource deployments. The deployment is the
// configured model; the SDK puts it in the path and sends the key as `api-key`.
import { AzureOpenAI } from 'openai';
import type { ClientSettings } from './client-settings.js';

export function azureSdk(settings: ClientSettings, apiVersion: string): AzureOpenAI {
  return new AzureOpenAI({
    apiKey: settings.apiKey,
    // baseURL rather than `endpoint`: with `endpoint` the SDK throws when OPENAI_BASE_URL
    // happens to be set in process.env. This is the URL it would build from the endpoint.
    baseURL: `${settings.apiBase.replace(/\/+$/, '')}/openai`,
    apiVersion,
    deployment: settings.model,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    organization: null,
    project: null,
  });
}
