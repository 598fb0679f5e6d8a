import type { ToolEventModel } from '../../src/tools/tool.models.js';
import type { SubscriptionResolvers } from '../__generated__/types.js';

export const Subscription: SubscriptionResolvers = {
  invokeTool: {
    subscribe: (_parent, { input }, ctx) => ctx.services.toolManager.invokeStreaming(input.toolId, input.parameters, { saveOutputs: input.saveOutputs ?? false }),
    resolve: (event: ToolEventModel) => event,
  },
};
