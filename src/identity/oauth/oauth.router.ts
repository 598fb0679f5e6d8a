import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import grantPkg, { type GrantConfig, type GrantResponse } from 'grant';
import type { Config } from '../../config.js';
import type { Deps } from '../../context.js';
import { AppError, UnauthenticatedError } from '../../errors.js';
import { IdentityRepository } from '../identity.repository.js';
import { IdentityService, type IssuedSession } from '../identity.service.js';
import { PROVIDER_TIMEOUT_MS, type OAuthProvider } from './oauth-provider.js';
import { createOAuthProviders } from './oauth-providers.js';
import { loadSessionSecret, oauthSession, startedFlow } from './oauth-session.js';

// grant is CommonJS; depending on the loader its function is the default export or sits under `.default`.
const grant = (grantPkg as typeof grantPkg & { default?: typeof grantPkg }).default ?? grantPkg;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  UPSTREAM_ERROR: 502,
};

/** Provider error codes (RFC 6749 §4.1.2.1, §5.2 and OIDC additions) are short snake_case words; anything else is not repeated. */
function providerErrorCode(value: unknown): string {
  const code = typeof value === 'object' && value !== null ? (value as { error?: unknown }).error : value;
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : 'unknown';
}

/**
 * A bare 302 to the app: express's redirect body ("Found. Redirecting to …") would repeat the URL.
 * The fragment keeps the token out of proxies and server logs; our access log redacts Location.
 */
function redirect(res: Response, location: string): void {
  res.status(302).location(location);
  res.end();
}

/** What grant leaves in `res.locals.grant` with `transport: 'state'` (tokens never go into the cookie). */
interface GrantLocals {
  response?: GrantResponse;
}

/**
 * Sign-in through OAuth 2.0 / OpenID Connect providers, or null when none is configured.
 * Mount at the root (`app.use(router)`), before the GraphQL routes and the 404 handler:
 * grant matches `req.originalUrl` against `/auth/...`.
 *
 * - `GET /auth/:provider` redirects to the provider (state always; nonce and PKCE for OIDC and Google).
 * - `GET /auth/:provider/callback` checks the state, lets grant exchange the code, verifies the
 *   identity and signs in; the session token goes to `PLUGBOARD_OAUTH_REDIRECT_URL#token=…&expiresAt=…`
 *   or, without that URL, back as JSON `{ token, expiresAt, user }`.
 * Failures answer `{ errors: [{ message, extensions: { code } }] }` (or `…#error=<code>`).
 */
export async function createOAuthRouter(config: Config, deps: Deps): Promise<express.Router | null> {
  const providers = await createOAuthProviders(config.oauth);
  if (providers.length === 0) return null;
  const byName = new Map(providers.map((provider) => [provider.name, provider]));
  const secret = await loadSessionSecret(config.oauth.sessionSecret, config.dataDir);
  const log = deps.log.child({ component: 'oauth' });
  const redirectUrl = config.oauth.redirectUrl;
  log.info({ callbacks: providers.map((provider) => `${config.publicUrl}/auth/${provider.name}/callback`) }, 'OAuth sign-in enabled');
  if (/^https?:\/\/(0\.0\.0\.0|\[::\])[:/]/.test(`${config.publicUrl}/`)) {
    log.warn({ publicUrl: config.publicUrl }, 'OAuth redirect URIs point at a wildcard address: set PLUGBOARD_PUBLIC_URL');
  }

  const grantConfig: GrantConfig = {
    defaults: {
      origin: config.publicUrl,
      prefix: '/auth',
      // The result stays in res.locals for the callback handler below: no tokens in the cookie or a URL.
      transport: 'state',
      state: true,
      response: ['tokens'],
    },
    ...Object.fromEntries(providers.map((provider) => [provider.name, provider.grant])),
  };
  const grantMiddleware = grant.express({ config: grantConfig, request: { timeout: PROVIDER_TIMEOUT_MS } }) as unknown as RequestHandler;
  const session = oauthSession(secret, config.publicUrl);

  function providerOf(req: Request): OAuthProvider {
    return byName.get(String(req.params.provider))!;
  }

  /** Unknown provider names fall through to the app's JSON 404. */
  const knownProvider: RequestHandler = (req, res, next) => {
    if (!byName.has(String(req.params.provider))) return next('route');
    res.set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    next();
  };

  function succeed(res: Response, issued: IssuedSession): void {
    const expiresAt = issued.expiresAt.toISOString();
    if (redirectUrl) {
      // A fragment never reaches servers, so the token stays out of access logs on the way.
      redirect(res, `${redirectUrl}#${new URLSearchParams({ token: issued.token, expiresAt })}`);
      return;
    }
    res.json({ token: issued.token, expiresAt, user: { id: issued.user.id, email: issued.user.email, name: issued.user.name } });
  }

  function fail(req: Request, res: Response, error: AppError): void {
    req.session = null; // a refused attempt is over: its state cannot be replayed
    log.warn({ requestId: req.id, provider: req.params.provider, code: error.code, reason: error.details?.reason ?? error.message }, 'OAuth sign-in refused');
    if (redirectUrl) {
      redirect(res, `${redirectUrl}#${new URLSearchParams({ error: error.code })}`);
      return;
    }
    res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] });
  }

  /**
   * Before grant spends the code: the callback must come back to the browser that started this
   * sign-in with this provider, carrying the state we sent (grant skips its own state check
   * when the cookie holds none).
   */
  const checkFlow: RequestHandler = (req, res, next) => {
    const flow = startedFlow(req);
    if (!flow?.state || flow.provider !== req.params.provider) {
      return fail(req, res, new UnauthenticatedError('No sign-in in progress for this browser: start again', { reason: 'session' }));
    }
    const query = req.query as Record<string, unknown>;
    if (query.state !== flow.state) {
      return fail(req, res, new UnauthenticatedError('The sign-in state does not match: start again', { reason: 'state' }));
    }
    if (query.error !== undefined) {
      return fail(req, res, new UnauthenticatedError('The sign-in provider did not authorize the sign-in', { reason: providerErrorCode(query.error) }));
    }
    next();
  };

  const finish = async (req: Request, res: Response, next: NextFunction) => {
    const nonce = startedFlow(req)?.nonce;
    req.session = null; // clears the cookie: state, nonce and verifier are spent
    const result = (res.locals.grant as GrantLocals | undefined)?.response;
    // On a failed exchange grant still reports "success" with an error inside: check it first.
    if (!result || result.error) {
      // grant's own messages ("Grant: OAuth2 state mismatch") or the token endpoint's error body: only a code is logged.
      log.warn({ requestId: req.id, provider: req.params.provider, providerError: providerErrorCode(result?.error) }, 'OAuth code exchange failed');
      return fail(req, res, new UnauthenticatedError('The sign-in provider did not accept the authorization code', { reason: 'token_exchange' }));
    }
    try {
      const provider = providerOf(req);
      const identity = await provider.identify(result, { nonce });
      const identityService = new IdentityService(new IdentityRepository(deps.orm.em.fork()), config.sessionTtlMs, null);
      const issued = await identityService.signInWithProvider({ ...identity, name: identity.name.trim().slice(0, 200) });
      log.info({ requestId: req.id, provider: provider.name, userId: issued.user.id }, 'OAuth sign-in');
      succeed(res, issued);
    } catch (error) {
      if (error instanceof AppError) return fail(req, res, error);
      next(error);
    }
  };

  /** Anything nobody coded (grant itself, the database): logged here, answered without details. */
  const unexpected: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) return next(error);
    log.error({ requestId: req.id, provider: req.params.provider, err: error }, 'OAuth sign-in failed');
    if (redirectUrl) return redirect(res, `${redirectUrl}#error=INTERNAL_SERVER_ERROR`);
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.id } }] });
  };

  /** A connect that grant did not redirect (it found nothing to do): never expected with a known provider. */
  const notStarted: RequestHandler = (req, res) => {
    fail(req, res, new UnauthenticatedError('The sign-in could not be started', { reason: 'connect' }));
  };

  const router = express.Router();
  router.get('/auth/:provider', knownProvider, session, grantMiddleware, notStarted, unexpected);
  router.get('/auth/:provider/callback', knownProvider, session, checkFlow, grantMiddleware, finish, unexpected);
  return router;
}
