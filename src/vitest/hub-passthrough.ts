// Mock mode lets nothing leave the machine, so hf_hub datasets come from the cache there. With
// EVALMATRIX_HUB_ONLINE=1 the Hugging Face hosts (and only they) are let through, so a mock
// run can fill the cache. Provider calls stay mocked either way.
import { http, passthrough, type HttpHandler } from 'msw';
import { HUB_URL, VIEWER_URL } from '../datasets/hf-hub-fetch.js';

export { hubOnline } from './hub-online.js';

export function hubPassthroughHandlers(): HttpHandler[] {
  return [http.get(`${VIEWER_URL}/*`, () => passthrough()), http.get(`${HUB_URL}/api/datasets/*`, () => passthrough())];
}
