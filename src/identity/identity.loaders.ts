import { loaderBy, groupLoaderBy } from '../shared/loader.js';
import type { IdentityService } from './identity.service.js';

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

export function createIdentityLoaders(identity: IdentityService) {
  return {
    user: loaderBy((ids: readonly string[]) => identity.usersByIds(ids), (u) => u.id),
    /** Only workspaces the viewer belongs to; others load as null. */
    workspace: loaderBy((ids: readonly string[]) => identity.workspacesByIds(ids), (w) => w.id),
    viewerMembership: loaderBy((ids: readonly string[]) => identity.viewerMemberships(ids), (m) => m.workspaceId),
    members: groupLoaderBy((ids: readonly string[]) => identity.membersOf(ids), (m) => m.workspaceId),
  };
}
