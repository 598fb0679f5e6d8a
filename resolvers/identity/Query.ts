import type { QueryResolvers } from '../__generated__/types.js';

export const Query: QueryResolvers = {
  viewer: (_parent, _args, ctx) => ctx.viewer,
  workspace: (_parent, { id }, ctx) => ctx.services.workspaces.getWorkspace(id),
  apiKeys: (_parent, { first, after }, ctx) => ctx.services.apiKeys.list(first ?? 20, after),
  invitations: (_parent, { first, after, status }, ctx) => ctx.services.invitations.list(first ?? 20, after, status),
};
