import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  signUp: (_parent, { input }, ctx) => ctx.services.identity.signUp(input),
  signIn: (_parent, { input }, ctx) => ctx.services.identity.signIn(input),
  signOut: async (_parent, _args, ctx) => ({ revoked: (await ctx.services.identity.signOut()) ? 1 : 0 }),
  signOutEverywhere: async (_parent, _args, ctx) => ({ revoked: await ctx.services.identity.signOutEverywhere() }),
  createWorkspace: async (_parent, { input }, ctx) => ({ workspace: await ctx.services.workspaces.createWorkspace(input) }),
  renameWorkspace: async (_parent, { input }, ctx) => ({ workspace: await ctx.services.workspaces.renameWorkspace(input) }),
  switchWorkspace: async (_parent, { input }, ctx) => ({ workspace: await ctx.services.workspaces.switchWorkspace(input.id) }),
  addWorkspaceMember: async (_parent, { input }, ctx) => ({ membership: await ctx.services.workspaces.addMember(input) }),
  changeWorkspaceMemberRole: async (_parent, { input }, ctx) => ({ membership: await ctx.services.workspaces.changeMemberRole(input) }),
  removeWorkspaceMember: async (_parent, { input }, ctx) => {
    await ctx.services.workspaces.removeMember(input);
    return { removedUserId: input.userId };
  },
  createApiKey: (_parent, { input }, ctx) => ctx.services.apiKeys.create(input),
  revokeApiKey: async (_parent, { input }, ctx) => ({ apiKey: await ctx.services.apiKeys.revoke(input.id) }),
};
