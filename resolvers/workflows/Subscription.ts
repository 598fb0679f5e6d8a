import type { WorkflowEvent } from '../../src/workflows/runs/run-events.js';
import type { SubscriptionResolvers } from '../__generated__/types.js';

export const Subscription: SubscriptionResolvers = {
  workflowRun: {
    subscribe: (_parent, { id, afterSequence }, ctx) => ctx.services.workflows.follow(id, afterSequence ?? 0),
    resolve: (event: WorkflowEvent) => event,
  },
  runWorkflow: {
    subscribe: async (_parent, { input }, ctx) => {
      const run = await ctx.services.workflows.startRun(input);
      return ctx.services.workflows.follow(run.id, 0);
    },
    resolve: (event: WorkflowEvent) => event,
  },
};
