import { canonicalId } from '../../src/shared/ids.js';
import { NotFoundError } from '../../src/errors.js';
import type { AppResolvers } from '../__generated__/types.js';

export const App: AppResolvers = {
  // Representations come from the gateway's callers: a malformed id resolves to null.
  __resolveReference: (ref, ctx) => {
    const id = canonicalId(ref.id);
    return id ? ctx.loaders.apps.app.load(id) : null;
  },
  workspace: async (app, _args, ctx) => {
    const workspace = await ctx.loaders.identity.workspace.load(app.workspaceId);
    if (!workspace) throw new NotFoundError('Workspace not found', { id: app.workspaceId });
    return workspace;
  },
  creator: (app, _args, ctx) => (app.createdBy ? ctx.loaders.identity.user.load(app.createdBy) : null),
};
