import { UnauthenticatedError, UpstreamError } from '../../errors.js';
import { PROVIDER_TIMEOUT_MS } from './oauth-provider.js';

/**
 * GETs JSON from a provider API with a timeout. A refused token answers UNAUTHENTICATED,
 * anything else that goes wrong UPSTREAM_ERROR; messages never carry the token.
 */
export async function fetchProviderJson(url: string, what: string, accessToken?: string, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        'user-agent': 'plugboard',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...headers,
      },
      redirect: 'error',
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
    throw new UpstreamError(`The sign-in provider's ${what} is ${reason}`);
  }
  if (accessToken && (response.status === 401 || response.status === 403)) {
    await response.body?.cancel();
    throw new UnauthenticatedError(`The sign-in provider refused the access token for its ${what}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpstreamError(`The sign-in provider's ${what} answered HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch {
    throw new UpstreamError(`The sign-in provider's ${what} did not answer JSON`);
  }
}

/** A string claim or field, or undefined. */
export function stringField(source: unknown, key: string): string | undefined {
  const value = (source as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
