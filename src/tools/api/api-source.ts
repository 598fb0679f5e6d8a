import { ValidationError, UpstreamError } from '../../errors.js';
import { isStorableText } from '../../shared/input.js';
import { MAX_DOCUMENT_BYTES, parseOpenApi, type ApiSpec } from '../openapi/index.js';
import type { ToolRuntime } from '../tool-runtime.js';

export interface OpenApiSource {
  document?: string | null;
  url?: string | null;
}

function checkHttpUrl(value: string, field: string): URL {
  if (!URL.canParse(value)) throw new ValidationError(`${field} must be an absolute http(s) URL`, { field });
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(`${field} must be an absolute http(s) URL`, { field });
  if (url.username || url.password) throw new ValidationError(`${field} must not carry credentials; configure auth instead`, { field });
  return url;
}

/** The document text: given inline, or fetched from `url` through the guarded client. */
async function documentText(source: OpenApiSource, runtime: ToolRuntime): Promise<{ text: string; url: string | null }> {
  const given = [source.document, source.url].filter((value) => value != null);
  if (given.length !== 1) throw new ValidationError('Give exactly one of source.document and source.url', { field: 'source' });
  if (source.document != null) {
    if (Buffer.byteLength(source.document) > MAX_DOCUMENT_BYTES) throw new ValidationError('The document is larger than 5 MB', { field: 'source.document' });
    return { text: source.document, url: null };
  }
  const url = checkHttpUrl(source.url!, 'source.url');
  const response = await runtime.http.request({
    method: 'GET',
    url: url.href,
    headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
    connectTimeoutMs: runtime.outbound.connectTimeoutMs,
    totalTimeoutMs: Math.min(runtime.outbound.totalTimeoutMs, 30_000),
    maxResponseBytes: MAX_DOCUMENT_BYTES,
    retries: 1,
  });
  if (response.status < 200 || response.status >= 300) {
    await response.discard();
    throw new UpstreamError(`Fetching the document answered HTTP ${response.status}`, { status: response.status });
  }
  return { text: await response.text(), url: response.url };
}

/** Reads, parses and checks a document; its text is kept so users can edit and re-import it. */
export async function loadOpenApiSource(source: OpenApiSource, runtime: ToolRuntime): Promise<{ spec: ApiSpec; document: string; url: string | null }> {
  const { text, url } = await documentText(source, runtime);
  if (!isStorableText(text)) throw new ValidationError('The document contains NUL characters or invalid Unicode', { field: 'source' });
  const spec = await parseOpenApi(text, { maxOperations: runtime.maxOperations });
  return { spec, document: text, url };
}

/**
 * Where calls go: the user's override, else the document's server URL (a relative one is
 * resolved against the URL the document came from). Only absolute http(s) URLs are accepted.
 */
export function resolveServerUrl(override: string | null | undefined, fromDocument: string | null, documentUrl: string | null): string {
  if (override != null) return checkHttpUrl(override.trim(), 'serverUrl').href.replace(/\/+$/, '');
  if (fromDocument && URL.canParse(fromDocument)) return checkHttpUrl(fromDocument, 'serverUrl').href.replace(/\/+$/, '');
  if (fromDocument && documentUrl) return checkHttpUrl(new URL(fromDocument, documentUrl).href, 'serverUrl').href.replace(/\/+$/, '');
  throw new ValidationError('The document has no absolute server URL: give serverUrl', { field: 'serverUrl' });
}
