import type { ApiKeyRepository } from './api-key.repository.js';
import type { Role } from './identity.entities.js';
import type { IdentityRepository } from './identity.repository.js';
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX, hashToken } from './tokens.js';
import type { Viewer } from './viewer.js';

/** Turns a bearer token (session token or API key) into a Viewer; null when it is not valid. */
export class Authenticator {
  constructor(
    private readonly users: IdentityRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  async authenticate(token: string): Promise<Viewer | null> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) return this.fromSession(token);
    if (token.startsWith(API_KEY_PREFIX)) return this.fromApiKey(token);
    return null;
  }

  private async fromSession(token: string): Promise<Viewer | null> {
    const found = await this.users.findLiveSession(hashToken(token), new Date());
    return found ? { user: found.user, sessionId: found.sessionId, apiKey: null, workspace: found.workspace } : null;
  }

  private async fromApiKey(token: string): Promise<Viewer | null> {
    const key = await this.apiKeys.findLiveByHash(hashToken(token));
    if (!key) return null;
    const now = new Date();
    // lastUsedAt is for people, not auditing: once a minute per key is enough, and saves a write per request.
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) await this.apiKeys.touch(key.id, now);
    return {
      user: null,
      sessionId: null,
      apiKey: { id: key.id, appId: key.appId },
      workspace: { id: key.workspaceId, role: key.role as Role },
    };
  }
}
