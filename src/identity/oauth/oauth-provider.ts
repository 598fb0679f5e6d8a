import type { GrantProvider } from 'grant';
import type { ExternalIdentity } from '../identity.service.js';

/** Outbound calls to providers (token exchange, profile, userinfo, JWKS) give up after this long. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** What grant hands over after exchanging the code (`response: ['tokens']`). */
export interface ProviderTokens {
  access_token?: string;
  id_token?: string;
}

/** What the callback knows from the flow it started: the nonce sent in the authorization request. */
export interface FlowCheck {
  nonce?: string;
}

/**
 * One sign-in provider. grant does the redirect and the code exchange (the design's
 * `authorizeUrl`/`exchange`); a provider says how to configure grant and how to turn
 * the tokens into a verified identity.
 */
export interface OAuthProvider {
  /** The path segment: `/auth/<name>` and `/auth/<name>/callback`; also the `provider` of linked accounts. */
  readonly name: string;
  /** grant's per-provider configuration (URLs, credentials, scope, PKCE, nonce). */
  readonly grant: GrantProvider;
  /** Throws UnauthenticatedError (bad tokens), ValidationError (no email) or UpstreamError (provider unreachable). */
  identify(tokens: ProviderTokens, check: FlowCheck): Promise<ExternalIdentity>;
}
