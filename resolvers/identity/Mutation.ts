import type { MutationResolvers } from '../__generated__/types.js';
import { toLanguageTag } from '../language.js';

export const Mutation: MutationResolvers = {
  signUp: async (_parent, { input }, ctx) => {
    const session = await ctx.services.identity.signUp({ ...input, language: input.language ? toLanguageTag(input.language) : null });
    await ctx.services.account.welcome(session.user);
    return session;
  },
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
  updateProfile: async (_parent, { input }, ctx) => ({
    user: await ctx.services.identity.updateProfile({ name: input.name, language: input.language ? toLanguageTag(input.language) : null }),
  }),
  inviteWorkspaceMembers: async (_parent, { input }, ctx) => ({
    invitations: await ctx.services.invitations.invite({ ...input, language: input.language ? toLanguageTag(input.language) : null }),
  }),
  revokeInvitation: async (_parent, { input }, ctx) => ({ invitation: await ctx.services.invitations.revoke(input.id) }),
  acceptInvitation: (_parent, { input }, ctx) => ctx.services.invitations.accept(input),
  requestEmailVerification: async (_parent, _args, ctx) => {
    await ctx.services.account.requestEmailVerification();
    return { accepted: true };
  },
  verifyEmail: async (_parent, { input }, ctx) => ({ email: await ctx.services.account.verifyEmail(input.token) }),
  requestPasswordReset: (_parent, { input }, ctx) => {
    ctx.services.account.requestPasswordReset(input.email);
    return { accepted: true };
  },
  resetPassword: async (_parent, { input }, ctx) => ({ revokedSessions: await ctx.services.account.resetPassword(input.token, input.password) }),
  requestSignInLink: (_parent, { input }, ctx) => {
    ctx.services.account.requestSignInLink(input.email);
    return { accepted: true };
  },
  signInWithLink: (_parent, { input }, ctx) => ctx.services.account.signInWithLink(input.token),
};
