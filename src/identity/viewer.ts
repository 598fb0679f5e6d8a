import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { ROLES, type Role, type User } from './identity.entities.js';

/**
 * Who is calling: a signed-in user (session) or an API key, and the workspace the
 * call acts in with the caller's role there. Built once per request or subscription.
 */
export interface Viewer {
  user: User | null;
  sessionId: string | null;
  apiKey: { id: string; appId: string | null } | null;
  /** The current workspace; null for a user who belongs to none yet. */
  workspace: { id: string; role: Role } | null;
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum);
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('Sign in to do this');
  return viewer;
}

/** A person, not an API key: for managing keys, members and sessions. */
export function requireUser(viewer: Viewer | null): { user: User; sessionId: string | null } {
  const { user, sessionId } = requireViewer(viewer);
  if (!user) throw new ForbiddenError('API keys cannot do this; sign in as a user');
  return { user, sessionId };
}

/** The current workspace, with the caller's role at least `minimum`. */
export function requireWorkspaceRole(viewer: Viewer | null, minimum: Role): { id: string; role: Role } {
  const { workspace } = requireViewer(viewer);
  if (!workspace) throw new ForbiddenError('No current workspace: create one or switch to one first');
  if (!roleAtLeast(workspace.role, minimum)) {
    throw new ForbiddenError(`Requires role ${minimum} or stronger in this workspace`, { requires: minimum });
  }
  return workspace;
}
