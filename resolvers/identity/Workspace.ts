import { canonicalId } from '../../src/shared/ids.js';
import { NotFoundError } from '../../src/errors.js';
import type { WorkspaceEdgeResolvers, WorkspaceResolvers } from '../__generated__/types.js';

export const Workspace: WorkspaceResolvers = {
  // Representations come from the gateway's callers: a malformed id resolves to null.
  __resolveReference: (ref, ctx) => {
    const id = canonicalId(ref.id);
    return id ? ctx.loaders.identity.workspace.load(id) : null;
  },
  viewerRole: async (workspace, _args, ctx) => {
    const membership = await ctx.loaders.identity.viewerRole.load(workspace.id);
    if (!membership) throw new NotFoundError('Workspace not found', { id: workspace.id });
    return membership.role;
  },
  members: (workspace, _args, ctx) => ctx.loaders.identity.members.load(workspace.id),
};

export const WorkspaceEdge: WorkspaceEdgeResolvers = {
  node: async (edge, _args, ctx) => {
    const workspace = await ctx.loaders.identity.workspace.load(edge.node.workspaceId);
    if (!workspace) throw new NotFoundError('Workspace not found', { id: edge.node.workspaceId });
    return workspace;
  },
};
