import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  previewOpenApiTools: (_parent, { input }, ctx) => ctx.services.tools.preview(input.source),
  createApiToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.tools.createApi(input) }),
  updateApiToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.tools.updateApi(input) }),
  deleteToolProvider: async (_parent, { input }, ctx) => ({ deletedProviderId: (await ctx.services.tools.delete(input.id)).id }),
  testApiTool: (_parent, { input }, ctx) => ctx.services.tools.testApi(input),
  invokeTool: (_parent, { input }, ctx) => ctx.services.toolManager.invokeAndWait(input.toolId, input.parameters, { saveOutputs: input.saveOutputs ?? false }),
  publishToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.tools.publish(input.id) }),
  unpublishToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.tools.unpublish(input.id) }),
  createWorkflowToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.workflows.createToolProvider(input) }),
  installToolProvider: async (_parent, { input }, ctx) => ({ provider: await ctx.services.tools.install(input.listingId, input.name) }),
};
