import { BUILTIN_PROVIDER_ID, toolId } from './tool-ids.js';
import type { ToolInvocationRecord, ToolProviderRecord } from './tool.entities.js';
import type { Tool, ToolDefinition, ToolMessage, ToolParameter } from './tool.types.js';

/** The built-in provider as the API shows it: the same for every workspace, never stored. */
export const BUILTIN_PROVIDER = {
  id: BUILTIN_PROVIDER_ID,
  kind: 'BUILTIN',
  name: 'Built-in tools',
  description: 'HTTP requests, JSON queries, text templates, time zones and math: no account needed.',
  icon: null,
  tags: ['builtin'],
  workspaceId: null,
  visibility: 'PRIVATE',
  publishedAt: null,
  installCount: 0,
  createdBy: null,
  createdAt: null,
  updatedAt: null,
} as const;

export type BuiltinProviderModel = typeof BUILTIN_PROVIDER;
export type ProviderModel = ToolProviderRecord | BuiltinProviderModel;

/** A tool as the API shows it: its definition and where it comes from. */
export interface ToolModel {
  id: string;
  provider: ProviderModel;
  definition: ToolDefinition;
  /** API tools: the HTTP method and path template. */
  method?: string;
  path?: string;
}

export function toolModel(provider: ProviderModel, tool: Tool & { operation?: { method: string; path: string } }): ToolModel {
  return {
    id: toolId(provider.id, tool.definition.name),
    provider,
    definition: tool.definition,
    method: tool.operation?.method,
    path: tool.operation?.path,
  };
}

/** What the invokeTool subscription streams: messages, then how the call ended. */
export type ToolEventModel = ToolMessage | { type: 'FINISHED'; invocation: ToolInvocationRecord };

/** A parameter as the API shows it; API tools also say where it goes in the request. */
export type ParameterModel = ToolParameter & { in?: 'path' | 'query' | 'header' | 'cookie' | 'body' };
