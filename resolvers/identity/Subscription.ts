import type { Context } from '../../src/context.js';
import type { SubscriptionResolvers } from '../__generated__/types.js';

export const Subscription: SubscriptionResolvers = {
  workspaceUpdated: {
    subscribe: (_parent, { id }, ctx) => ctx.services.workspaces.watchWorkspace(id),
    // Each event reloads the workspace: a subscription lives long, so nothing is held in loaders.
    resolve: (event: { id: string }, _args: unknown, ctx: Context) => ctx.services.workspaces.getWorkspace(event.id),
  },
};
