import type { ViewerResolvers } from '../__generated__/types.js';

export const Viewer: ViewerResolvers = {
  apiKey: (_viewer, _args, ctx) => ctx.services.apiKeys.current(),
  currentWorkspace: (_viewer, _args, ctx) => ctx.services.workspaces.currentWorkspace(),
  role: (viewer) => viewer.workspace?.role ?? null,
  workspaces: (viewer, { first, after }, ctx) =>
    viewer.user
      ? ctx.services.workspaces.myWorkspaceMemberships(first ?? 20, after)
      : { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 },
};
