import { createHash } from 'node:crypto';

/** A valid 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** Apollo's CSRF prevention wants this header on multipart requests. */
export const PREFLIGHT = { 'apollo-require-preflight': 'true' };

export { until, wait } from './timing.js';
export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface Part {
  name: string;
  bytes: Uint8Array | string;
  type?: string;
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };
}

/** A multipart request per the GraphQL multipart request spec: `operations`, `map`, then the files, in that order. */
export async function postMultipart<T>(
  url: string,
  token: string | undefined,
  operations: unknown,
  map: Record<string, string[]>,
  files: Record<string, Part>,
  headers: Record<string, string> = PREFLIGHT,
): Promise<Reply<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(map));
  for (const [field, part] of Object.entries(files)) {
    const bytes = typeof part.bytes === 'string' ? part.bytes : new Uint8Array(part.bytes);
    form.append(field, new Blob([bytes], { type: part.type ?? 'application/octet-stream' }), part.name);
  }
  const response = await fetch(url, { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: form });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply<T>['body'] };
}
