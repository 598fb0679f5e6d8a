import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  createApp: async (_parent, { input }, ctx) => ({ app: await ctx.services.apps.create(input) }),
  updateApp: async (_parent, { input }, ctx) => ({ app: await ctx.services.apps.update(input) }),
  deleteApp: async (_parent, { input }, ctx) => ({ deletedAppId: (await ctx.services.apps.delete(input.id)).id }),
};
