import type { MutationResolvers } from '../__generated__/types.js';
import { fromModuleEnum } from './enums.js';

export const Mutation: MutationResolvers = {
  createApiExtension: async (_parent, { input }, ctx) => ({
    extension: await ctx.services.extensions.createApiExtension({ ...input, module: fromModuleEnum(input.module) }),
  }),
  installPlugin: async (_parent, { input }, ctx) => ({ plugin: await ctx.services.extensions.installPlugin(input) }),
  createPluginExtension: async (_parent, { input }, ctx) => ({ extension: await ctx.services.extensions.createPluginExtension(input) }),
  updateApiExtension: async (_parent, { input }, ctx) => ({ extension: await ctx.services.extensions.updateApiExtension(input) }),
  updatePluginExtension: async (_parent, { input }, ctx) => ({ extension: await ctx.services.extensions.updatePluginExtension(input) }),
  setExtensionEnabled: async (_parent, { input }, ctx) => ({ extension: await ctx.services.extensions.setEnabled(input.id, input.enabled) }),
  deleteExtension: async (_parent, { input }, ctx) => ({ deletedExtensionId: await ctx.services.extensions.remove(input.id) }),
  executeExtension: (_parent, { input }, ctx) => ctx.services.extensions.execute(input),
};
