import type { ApiKeyRepository } from './api-key.repository.js';
import type { Role } from './identity.entities.js';
import type { IdentityRepository } from './identity.repository.js';
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX, hashToken } from './tokens.js';
import type { Viewer } from './viewer.js';
import type { WorkspaceRepository } from './workspace.repository.js';

/** Turns a bearer token (session token or API key) into a Viewer; null when it is not valid. */
export class Authenticator {
  constructor(
    private readonly users: IdentityRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  async authenticate(token: string): Promise<Viewer | null> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) return this.fromSession(token);
    if (token.startsWith(API_KEY_PREFIX)) return this.fromApiKey(token);
    return null;
  }

  private async fromSession(token: string): Promise<Viewer | null> {
    const session = await this.users.findLiveSessionByHash(hashToken(token), new Date());
    if (!session) return null;
    const [user] = await this.users.findUsersByIds([session.userId]);
    if (!user) return null;
    // The session's chosen workspace while the user still belongs to it, else their oldest.
    const chosen = session.currentWorkspaceId ? await this.workspaces.findMembership(session.currentWorkspaceId, user.id) : null;
    const membership = chosen ?? (await this.workspaces.oldestMembershipOfUser(user.id));
    return {
      user,
      sessionId: session.id,
      apiKey: null,
      workspace: membership ? { id: membership.workspaceId, role: membership.role } : null,
    };
  }

  private async fromApiKey(token: string): Promise<Viewer | null> {
    const key = await this.apiKeys.findLiveByHash(hashToken(token));
    if (!key) return null;
    await this.apiKeys.touch(key.id, new Date());
    return {
      user: null,
      sessionId: null,
      apiKey: { id: key.id, appId: key.appId },
      workspace: { id: key.workspaceId, role: key.role as Role },
    };
  }
}
