import { groupLoaderBy, loaderBy } from '../shared/loader.js';
import type { IdentityService } from './identity.service.js';
import type { WorkspaceService } from './workspace.service.js';

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

export function createIdentityLoaders(identity: IdentityService, workspaces: WorkspaceService) {
  return {
    user: loaderBy((ids: readonly string[]) => identity.usersByIds(ids), (u) => u.id),
    /** Only workspaces the viewer may see; others load as null. */
    workspace: loaderBy((ids: readonly string[]) => workspaces.workspacesByIds(ids), (w) => w.id),
    viewerRole: loaderBy((ids: readonly string[]) => workspaces.viewerRoles(ids), (m) => m.workspaceId),
    members: groupLoaderBy((ids: readonly string[]) => workspaces.membersOf(ids), (m) => m.workspaceId),
  };
}
