import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  saveWorkflowDraft: async (_parent, { input }, ctx) => ({ version: await ctx.services.workflows.saveDraft(input.appId, input.graph) }),
  publishWorkflow: async (_parent, { input }, ctx) => ({ version: await ctx.services.workflows.publish(input.appId) }),
  runWorkflow: async (_parent, { input }, ctx) => {
    const run = await ctx.services.workflows.startRun(input);
    return { run: input.blocking ? await ctx.services.workflows.waitFor(run) : run };
  },
  stopWorkflowRun: async (_parent, { input }, ctx) => ({ run: await ctx.services.workflows.stopRun(input.id) }),
};
