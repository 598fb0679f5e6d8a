import { groupLoaderBy, loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { IdentityService } from './identity.service.js';
import type { WorkspaceService } from './workspace.service.js';

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

export function createIdentityLoaders(identity: IdentityService, workspaces: WorkspaceService, options?: LoaderOptions) {
  return {
    user: loaderBy((ids: readonly string[]) => identity.usersByIds(ids), (u) => u.id, options),
    /** Only workspaces the viewer may see; others load as null. */
    workspace: loaderBy((ids: readonly string[]) => workspaces.workspacesByIds(ids), (w) => w.id, options),
    viewerRole: loaderBy((ids: readonly string[]) => workspaces.viewerRoles(ids), (m) => m.workspaceId, options),
    members: groupLoaderBy((ids: readonly string[]) => workspaces.membersOf(ids), (m) => m.workspaceId, options),
  };
}
