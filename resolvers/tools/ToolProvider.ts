import { isApiDefinition, type ApiProviderDefinition } from '../../src/tools/tool.entities.js';
import type { ProviderModel } from '../../src/tools/tool.models.js';
import type { ToolProviderResolvers } from '../__generated__/types.js';

/** The imported API behind a provider; null for built-in and plugin providers. */
const api = (provider: ProviderModel): ApiProviderDefinition | null => (provider.kind !== 'BUILTIN' && isApiDefinition(provider.definition) ? provider.definition : null);

export const ToolProvider: ToolProviderResolvers = {
  tools: (provider, _args, ctx) => ctx.services.toolManager.toolsOf(provider),
  workspace: (provider, _args, ctx) => (provider.workspaceId ? ctx.loaders.identity.workspace.load(provider.workspaceId) : null),
  serverUrl: (provider) => api(provider)?.serverUrl ?? null,
  auth: (provider) => api(provider)?.auth ?? null,
  credentials: (provider, _args, ctx) => ctx.services.toolManager.maskedCredentials(provider),
  document: (provider, _args, ctx) => ctx.services.toolManager.documentOf(provider),
  connectTimeoutMs: (provider, _args, ctx) => ctx.services.toolManager.limitsOf(provider).connectTimeoutMs,
  totalTimeoutMs: (provider, _args, ctx) => ctx.services.toolManager.limitsOf(provider).totalTimeoutMs,
  warnings: (provider) => api(provider)?.spec.warnings ?? [],
  creator: (provider, _args, ctx) => (provider.createdBy ? ctx.loaders.identity.user.load(provider.createdBy) : null),
};
