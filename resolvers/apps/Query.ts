import type { QueryResolvers } from '../__generated__/types.js';

export const Query: QueryResolvers = {
  apps: (_parent, { first, after, filter }, ctx) => ctx.services.apps.list(first ?? 20, after, filter ?? {}),
  app: (_parent, { id }, ctx) => ctx.services.apps.getApp(id),
};
