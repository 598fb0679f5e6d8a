import { NotFoundError } from '../../src/errors.js';
import type { MembershipResolvers } from '../__generated__/types.js';

export const Membership: MembershipResolvers = {
  user: async (membership, _args, ctx) => {
    const user = await ctx.loaders.identity.user.load(membership.userId);
    if (!user) throw new NotFoundError('User not found', { id: membership.userId });
    return user;
  },
  workspace: async (membership, _args, ctx) => {
    const workspace = await ctx.loaders.identity.workspace.load(membership.workspaceId);
    if (!workspace) throw new NotFoundError('Workspace not found', { id: membership.workspaceId });
    return workspace;
  },
};
