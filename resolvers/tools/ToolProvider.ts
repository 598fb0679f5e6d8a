import type { ToolProviderResolvers } from '../__generated__/types.js';

export const ToolProvider: ToolProviderResolvers = {
  tools: (provider, _args, ctx) => ctx.services.toolManager.toolsOf(provider),
  workspace: (provider, _args, ctx) => (provider.workspaceId ? ctx.loaders.identity.workspace.load(provider.workspaceId) : null),
  serverUrl: (provider) => (provider.kind === 'BUILTIN' ? null : provider.definition.serverUrl),
  auth: (provider) => (provider.kind === 'BUILTIN' ? null : provider.definition.auth),
  credentials: (provider, _args, ctx) => ctx.services.toolManager.maskedCredentials(provider),
  document: (provider, _args, ctx) => ctx.services.toolManager.documentOf(provider),
  connectTimeoutMs: (provider, _args, ctx) => ctx.services.toolManager.limitsOf(provider).connectTimeoutMs,
  totalTimeoutMs: (provider, _args, ctx) => ctx.services.toolManager.limitsOf(provider).totalTimeoutMs,
  warnings: (provider) => (provider.kind === 'BUILTIN' ? [] : provider.definition.spec.warnings),
  creator: (provider, _args, ctx) => (provider.createdBy ? ctx.loaders.identity.user.load(provider.createdBy) : null),
};
