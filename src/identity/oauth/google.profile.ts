import type { OAuthProvider } from './oauth-provider.js';
import { createOidcProvider } from './oidc.profile.js';

/** Google's published OpenID metadata (https://accounts.google.com/.well-known/openid-configuration), fixed so startup needs no network. */
const GOOGLE_METADATA = {
  issuer: 'https://accounts.google.com',
  authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  token_endpoint: 'https://oauth2.googleapis.com/token',
  jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
  userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
  token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
};

/** Sign in with Google: OpenID Connect, id_token verified against Google's keys; `email_verified` decides linking. */
export function createGoogleProvider(c: { clientId: string; clientSecret: string }): OAuthProvider {
  return createOidcProvider({
    name: 'google',
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    scope: 'openid email profile',
    metadata: GOOGLE_METADATA,
    // Google documents both forms of `iss`.
    issuers: ['https://accounts.google.com', 'accounts.google.com'],
  });
}
