import { UnauthenticatedError, UpstreamError, ValidationError } from '../../errors.js';
import type { ExternalIdentity } from '../identity.service.js';
import type { OAuthProvider, ProviderTokens } from './oauth-provider.js';
import { fetchProviderJson, stringField } from './provider-http.js';

export interface GitHubOptions {
  clientId: string;
  clientSecret: string;
  /** https://github.com, or a GitHub Enterprise Server host. */
  webUrl: string;
  /** https://api.github.com, or `<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

/**
 * The address to sign in with: the primary one when GitHub has verified it, else another
 * verified one, else the primary one marked unverified (it can then create an account but
 * never take over an existing one).
 */
export function pickGitHubEmail(emails: GitHubEmail[]): { email: string; verified: boolean } | null {
  const chosen =
    emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified) ?? emails.find((e) => e.primary);
  return chosen ? { email: chosen.email, verified: chosen.verified } : null;
}

function parseEmails(body: unknown): GitHubEmail[] {
  if (!Array.isArray(body)) throw new UpstreamError("GitHub's email list was not a list");
  return body
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && typeof e.email === 'string')
    .map((e) => ({ email: e.email as string, primary: e.primary === true, verified: e.verified === true }));
}

/** Sign in with GitHub (or GitHub Enterprise Server): plain OAuth 2.0, identity from the REST API. */
export function createGitHubProvider(options: GitHubOptions): OAuthProvider {
  return {
    name: 'github',
    grant: {
      authorize_url: `${options.webUrl}/login/oauth/authorize`,
      access_url: `${options.webUrl}/login/oauth/access_token`,
      oauth: 2,
      key: options.clientId,
      secret: options.clientSecret,
      scope: 'read:user user:email',
    },
    async identify(tokens: ProviderTokens): Promise<ExternalIdentity> {
      const accessToken = tokens.access_token;
      if (!accessToken) throw new UnauthenticatedError('GitHub returned no access token', { reason: 'access_token' });
      const [user, emails] = await Promise.all([
        fetchProviderJson(`${options.apiUrl}/user`, 'user API', accessToken, API_HEADERS),
        fetchProviderJson(`${options.apiUrl}/user/emails`, 'email API', accessToken, API_HEADERS),
      ]);
      const id = (user as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' && typeof id !== 'string') throw new UpstreamError('GitHub answered a user without an id');
      const picked = pickGitHubEmail(parseEmails(emails));
      if (!picked) throw new ValidationError('Your GitHub account has no email address we can use', { field: 'email' });
      return {
        provider: 'github',
        subject: String(id),
        email: picked.email,
        emailVerified: picked.verified,
        name: stringField(user, 'name') ?? stringField(user, 'login') ?? '',
      };
    },
  };
}
