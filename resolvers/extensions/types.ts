import type { ExtensionExecutionResolvers, ExtensionModuleResolvers, ExtensionPointResolvers, ExtensionResolvers, FormFieldResolvers, PluginResolvers, PluginState } from '../__generated__/types.js';
import { toFieldTypeEnum, toModuleEnum } from './enums.js';

export const ExtensionModule: ExtensionModuleResolvers = {
  name: (module) => toModuleEnum(module.name),
  configForm: (module) => module.form,
};

export const ExtensionPoint: ExtensionPointResolvers = {
  inputSchema: (point) => point.input,
  outputSchema: (point) => point.output,
};

export const FormField: FormFieldResolvers = {
  type: (field) => toFieldTypeEnum(field.type),
  default: (field) => field.default ?? null,
};

export const Extension: ExtensionResolvers = {
  module: (record) => toModuleEnum(record.module),
  apiKey: (record, _args, ctx) => ctx.services.extensions.readable(record).apiKey,
  config: (record, _args, ctx) => ctx.services.extensions.readable(record).config,
  creator: (record, _args, ctx) => (record.createdBy ? ctx.loaders.identity.user.load(record.createdBy) : null),
};

export const ExtensionExecution: ExtensionExecutionResolvers = {
  extension: (execution, _args, ctx) => ctx.loaders.extensions.extension.load(execution.extensionId),
  user: (execution, _args, ctx) => (execution.userId ? ctx.loaders.identity.user.load(execution.userId) : null),
};

export const Plugin: PluginResolvers = {
  author: (plugin) => plugin.manifest.author,
  description: (plugin) => plugin.manifest.description,
  module: (plugin) => toModuleEnum(plugin.manifest.module),
  configForm: (plugin) => plugin.manifest.config,
  tools: (plugin) => plugin.manifest.tools,
  allowedHosts: (plugin) => plugin.manifest.permissions.hosts,
  state: (plugin, _args, ctx) => ctx.services.extensions.pluginState(plugin.name) as PluginState,
};
