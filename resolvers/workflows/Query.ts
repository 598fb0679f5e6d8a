import type { QueryResolvers } from '../__generated__/types.js';

export const Query: QueryResolvers = {
  workflow: async (_parent, { appId }, ctx) => ({ app: await ctx.services.workflows.workflowApp(appId) }),
  workflowRuns: (_parent, { first, after, filter }, ctx) =>
    ctx.services.workflows.listRuns(first ?? 20, after, {
      appId: filter?.appId,
      status: filter?.status,
      // The DateTime scalar parses input into Date.
      createdAfter: filter?.createdAfter ? new Date(filter.createdAfter) : null,
      createdBefore: filter?.createdBefore ? new Date(filter.createdBefore) : null,
    }),
  workflowRun: (_parent, { id }, ctx) => ctx.services.workflows.getRun(id),
};
