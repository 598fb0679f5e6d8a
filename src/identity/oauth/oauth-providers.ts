import type { Config } from '../../config.js';
import { createGitHubProvider } from './github.profile.js';
import { createGoogleProvider } from './google.profile.js';
import type { OAuthProvider } from './oauth-provider.js';
import { createOidcProvider, discoverOidc } from './oidc.profile.js';

/** The configured providers (none by default). A generic OIDC issuer is discovered now, so a bad issuer stops startup. */
export async function createOAuthProviders(config: Config['oauth']): Promise<OAuthProvider[]> {
  const providers: OAuthProvider[] = [];
  if (config.github) providers.push(createGitHubProvider(config.github));
  if (config.google) providers.push(createGoogleProvider(config.google));
  if (config.oidc) {
    const { issuer, ...rest } = config.oidc;
    providers.push(createOidcProvider({ ...rest, metadata: await discoverOidc(issuer) }));
  }
  return providers;
}
