import { randomBytes } from 'node:crypto';
import { loadOrCreateKeyFile } from '../../platform/secrets/key-file.js';
import cookieSession from 'cookie-session';
import type { Request, RequestHandler } from 'express';
import type { GrantSession } from 'grant';

/** The cookie that carries one sign-in's state, nonce and PKCE verifier from /auth/:provider to its callback. */
export const OAUTH_COOKIE = 'plugboard_oauth';
/** A sign-in left unfinished for longer than this has to start again. */
const FLOW_MAX_AGE_MS = 10 * 60_000;

/**
 * The secret that signs the OAuth cookie: `PLUGBOARD_SESSION_SECRET`, else 32 random bytes
 * created once in `<dataDir>/keys/session-secret` (0600) and reused after restarts.
 * Processes that share a load balancer need the same secret: set the variable for them.
 */
export async function loadSessionSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const { file, text: secret } = await loadOrCreateKeyFile(dataDir, 'session-secret', () => randomBytes(32).toString('base64url'));
  if (secret.length < 32) throw new Error(`${file} holds fewer than 32 characters: delete it to generate a new secret`);
  return secret;
}

/**
 * A signed cookie, only on /auth paths, readable by the callback after the provider's
 * cross-site redirect (SameSite=Lax allows top-level GET navigations). It marks itself
 * Secure whenever express sees the request as https (set PLUGBOARD_TRUST_PROXY behind a TLS proxy).
 */
export function oauthSession(secret: string, publicUrl: string): RequestHandler {
  return cookieSession({
    name: OAUTH_COOKIE,
    keys: [secret],
    path: `${new URL(publicUrl).pathname.replace(/\/+$/, '')}/auth`,
    maxAge: FLOW_MAX_AGE_MS,
    httpOnly: true,
    sameSite: 'lax',
  });
}

/** The flow grant recorded when the sign-in started, if the cookie came back intact. */
export function startedFlow(req: Request): GrantSession | undefined {
  const grant: unknown = req.session?.grant;
  return typeof grant === 'object' && grant !== null ? (grant as GrantSession) : undefined;
}
