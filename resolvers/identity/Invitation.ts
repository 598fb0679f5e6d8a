import { NotFoundError } from '../../src/errors.js';
import { invitationStatus } from '../../src/identity/account.repository.js';
import type { InvitationResolvers } from '../__generated__/types.js';
import { toLanguageEnum } from '../language.js';

export const Invitation: InvitationResolvers = {
  status: (invitation) => invitationStatus(invitation),
  language: (invitation) => toLanguageEnum(invitation.language),
  invitedBy: (invitation, _args, ctx) => (invitation.invitedBy ? ctx.loaders.identity.user.load(invitation.invitedBy) : null),
  workspace: async (invitation, _args, ctx) => {
    const workspace = await ctx.loaders.identity.workspace.load(invitation.workspaceId);
    if (!workspace) throw new NotFoundError('Workspace not found', { id: invitation.workspaceId });
    return workspace;
  },
};
