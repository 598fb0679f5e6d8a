import type { QueryResolvers } from '../__generated__/types.js';
import { fromModuleEnum } from './enums.js';

export const Query: QueryResolvers = {
  extensionModules: (_parent, _args, ctx) => [...ctx.services.extensions.modules()],
  extensions: (_parent, { first, after, filter }, ctx) =>
    ctx.services.extensions.list(first ?? 20, after, { ...filter, module: filter?.module ? fromModuleEnum(filter.module) : null }),
  extension: (_parent, { id }, ctx) => ctx.services.extensions.get(id),
  extensionExecutions: (_parent, { first, after, filter }, ctx) => ctx.services.extensions.executions(first ?? 20, after, filter ?? {}),
  extensionExecution: (_parent, { id }, ctx) => ctx.services.extensions.execution(id),
  plugins: (_parent, _args, ctx) => ctx.services.extensions.installedPlugins(),
};
