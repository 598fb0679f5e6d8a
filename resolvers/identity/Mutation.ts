import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  signUp: (_parent, { input }, ctx) => ctx.services.identity.signUp(input),
  signIn: (_parent, { input }, ctx) => ctx.services.identity.signIn(input),
  signOut: async (_parent, _args, ctx) => ({ revoked: await ctx.services.identity.signOut() }),
  createWorkspace: async (_parent, { input }, ctx) => ({ workspace: await ctx.services.identity.createWorkspace(input) }),
  renameWorkspace: async (_parent, { input }, ctx) => ({ workspace: await ctx.services.identity.renameWorkspace(input) }),
};
