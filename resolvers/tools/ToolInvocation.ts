import type { ToolInvocationResolvers } from '../__generated__/types.js';

export const ToolInvocation: ToolInvocationResolvers = {
  provider: (invocation, _args, ctx) => (invocation.providerId ? ctx.loaders.tools.provider.load(invocation.providerId) : null),
  caller: (invocation, _args, ctx) => (invocation.userId ? ctx.loaders.identity.user.load(invocation.userId) : null),
  startedAt: (invocation) => invocation.createdAt,
};
