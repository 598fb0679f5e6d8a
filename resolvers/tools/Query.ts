import type { QueryResolvers } from '../__generated__/types.js';

export const Query: QueryResolvers = {
  toolProviders: (_parent, { first, after, filter }, ctx) => ctx.services.tools.list(first ?? 20, after, filter ?? {}),
  toolProvider: (_parent, { id }, ctx) => ctx.services.toolManager.getProvider(id),
  builtinTools: (_parent, _args, ctx) => ctx.services.toolManager.builtinTools(),
  tool: (_parent, { id }, ctx) => ctx.services.toolManager.getTool(id),
  toolInvocations: (_parent, { first, after, filter }, ctx) => ctx.services.toolManager.listInvocations(first ?? 20, after, filter ?? {}),
  toolInvocation: (_parent, { id }, ctx) => ctx.services.toolManager.getInvocation(id),
  toolMarketplace: (_parent, { first, after, filter }, ctx) => ctx.services.tools.marketplace(first ?? 20, after, filter ?? {}),
};
