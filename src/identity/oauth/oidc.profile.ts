import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { UnauthenticatedError, UpstreamError, ValidationError } from '../../errors.js';
import type { ExternalIdentity } from '../identity.service.js';
import { PROVIDER_TIMEOUT_MS, type FlowCheck, type OAuthProvider, type ProviderTokens } from './oauth-provider.js';
import { fetchProviderJson, stringField } from './provider-http.js';

/** The parts of an OpenID Provider's metadata that sign-in needs. */
export interface OidcMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
}

export interface OidcProviderOptions {
  name: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  metadata: OidcMetadata;
  /** `iss` values accepted in id_tokens; defaults to `metadata.issuer`. */
  issuers?: string[];
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Reads `${issuer}/.well-known/openid-configuration` (OpenID Connect Discovery 1.0); throws when unusable. */
export async function discoverOidc(issuer: string): Promise<OidcMetadata> {
  const url = `${trimSlash(issuer)}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    document = await fetchProviderJson(url, 'discovery document');
  } catch (error) {
    throw new Error(`OIDC discovery failed for ${issuer}: ${(error as Error).message}`, { cause: error });
  }
  const field = (key: keyof OidcMetadata) => {
    const value = stringField(document, key);
    if (!value) throw new Error(`OIDC discovery for ${issuer}: "${key}" is missing from ${url}`);
    return value;
  };
  const metadata: OidcMetadata = {
    issuer: field('issuer'),
    authorization_endpoint: field('authorization_endpoint'),
    token_endpoint: field('token_endpoint'),
    jwks_uri: field('jwks_uri'),
    userinfo_endpoint: stringField(document, 'userinfo_endpoint'),
  };
  const methods = (document as Record<string, unknown>).token_endpoint_auth_methods_supported;
  if (Array.isArray(methods)) metadata.token_endpoint_auth_methods_supported = methods.filter((m): m is string => typeof m === 'string');
  // Discovery §4.3: the document must be about the issuer we were configured with.
  if (trimSlash(metadata.issuer) !== trimSlash(issuer)) {
    throw new Error(`OIDC discovery for ${issuer}: the document names a different issuer (${metadata.issuer})`);
  }
  return metadata;
}

/** client_secret_basic is the OIDC default; use client_secret_post only when the provider says basic is not supported. */
function tokenEndpointAuthMethod(metadata: OidcMetadata): 'client_secret_basic' | 'client_secret_post' {
  const supported = metadata.token_endpoint_auth_methods_supported;
  if (!supported || supported.includes('client_secret_basic') || !supported.includes('client_secret_post')) return 'client_secret_basic';
  return 'client_secret_post';
}

/** `email_verified` is a boolean by the spec; some providers send the string "true". */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * An OpenID Connect provider (generic, or Google with its fixed metadata). grant does the
 * code flow with state, nonce and PKCE; grant does not check the id_token's signature,
 * issuer or expiry, so `identify` verifies it here against the provider's JWKS.
 */
export function createOidcProvider(options: OidcProviderOptions): OAuthProvider {
  const { name, clientId, metadata } = options;
  const issuers = options.issuers ?? [metadata.issuer];
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: PROVIDER_TIMEOUT_MS });

  async function verifyIdToken(idToken: string, nonce: string | undefined): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, jwks, { issuer: issuers, audience: clientId, clockTolerance: 30 }));
    } catch (error) {
      if (error instanceof joseErrors.JWKSTimeout) throw new UpstreamError("The sign-in provider's signing keys timed out");
      if (error instanceof joseErrors.JOSEError) {
        throw new UnauthenticatedError('The id_token from the sign-in provider could not be verified', { reason: error.code });
      }
      throw new UpstreamError("The sign-in provider's signing keys are unreachable");
    }
    // Core §3.1.3.7: with several audiences, the authorized party must be us.
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== clientId) {
      throw new UnauthenticatedError('The id_token from the sign-in provider was issued to another client', { reason: 'azp' });
    }
    if (!nonce || payload.nonce !== nonce) {
      throw new UnauthenticatedError('The id_token from the sign-in provider does not answer this sign-in', { reason: 'nonce' });
    }
    if (!stringField(payload, 'sub')) throw new UnauthenticatedError('The id_token from the sign-in provider has no subject', { reason: 'sub' });
    return payload;
  }

  return {
    name,
    grant: {
      authorize_url: metadata.authorization_endpoint,
      access_url: metadata.token_endpoint,
      oauth: 2,
      key: clientId,
      secret: options.clientSecret,
      scope: options.scope,
      scope_delimiter: ' ',
      token_endpoint_auth_method: tokenEndpointAuthMethod(metadata),
      nonce: true,
      pkce: true,
    },
    async identify(tokens: ProviderTokens, check: FlowCheck): Promise<ExternalIdentity> {
      if (!tokens.id_token) throw new UnauthenticatedError('The sign-in provider returned no id_token', { reason: 'id_token' });
      const claims: Record<string, unknown> = { ...(await verifyIdToken(tokens.id_token, check.nonce)) };
      const subject = claims.sub as string;
      // Some providers keep email and name out of the id_token: ask userinfo (Core §5.3.2: same `sub` or ignore it).
      if (!stringField(claims, 'email') && metadata.userinfo_endpoint && tokens.access_token) {
        const userinfo = await fetchProviderJson(metadata.userinfo_endpoint, 'userinfo endpoint', tokens.access_token);
        if (stringField(userinfo, 'sub') !== subject) {
          throw new UnauthenticatedError('The userinfo answer is about another subject', { reason: 'userinfo' });
        }
        Object.assign(claims, userinfo);
      }
      const email = stringField(claims, 'email');
      if (!email) throw new ValidationError('The sign-in provider did not share an email address', { field: 'email' });
      const fullName = [stringField(claims, 'given_name'), stringField(claims, 'family_name')].filter(Boolean).join(' ');
      return {
        provider: name,
        subject,
        email,
        emailVerified: isTrue(claims.email_verified),
        name: stringField(claims, 'name') ?? (fullName || stringField(claims, 'preferred_username') || ''),
      };
    },
  };
}
