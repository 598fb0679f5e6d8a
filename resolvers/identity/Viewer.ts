import type { ViewerResolvers } from '../__generated__/types.js';

export const Viewer: ViewerResolvers = {
  workspaces: (_viewer, { first, after }, ctx) => ctx.services.identity.myWorkspaceMemberships(first ?? 20, after),
};
