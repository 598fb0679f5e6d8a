import { NotFoundError } from '../../src/errors.js';
import type { AppResolvers } from '../__generated__/types.js';

export const App: AppResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.apps.app.load(ref.id),
  workspace: async (app, _args, ctx) => {
    const workspace = await ctx.loaders.identity.workspace.load(app.workspaceId);
    if (!workspace) throw new NotFoundError('Workspace not found', { id: app.workspaceId });
    return workspace;
  },
  creator: (app, _args, ctx) => (app.createdBy ? ctx.loaders.identity.user.load(app.createdBy) : null),
};
