import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { ApiAuth, ApiSpec } from './openapi/index.js';
import type { PluginProviderDefinition } from './plugin/plugin-tools.js';
import type { WorkflowProviderDefinition } from './workflow/workflow-tools.js';
import type { ProviderKind } from './tool.types.js';

export const VISIBILITIES = ['PRIVATE', 'PUBLISHED'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What an API (OpenAPI-imported) provider runs on: the parsed document and how to authenticate. */
export interface ApiProviderDefinition {
  spec: ApiSpec;
  /** The base URL calls go to: from the document, or set by the user. */
  serverUrl: string;
  /** The auth scheme without its secret values (those are in `credentialsSealed`). */
  auth: ApiAuth;
}

export type ProviderDefinition = ApiProviderDefinition | PluginProviderDefinition | WorkflowProviderDefinition;

export function isApiDefinition(definition: ProviderDefinition): definition is ApiProviderDefinition {
  return 'spec' in definition;
}

/** A workspace's tool provider (BUILTIN is not stored: it is the same for everyone). */
export class ToolProviderRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'description' | 'icon' | 'tags' | 'document' | 'credentialsSealed' | 'visibility' | 'publishedAt' | 'installCount' | 'sourceProviderId' | 'connectTimeoutMs' | 'totalTimeoutMs';
  id: string = randomUUID();
  workspaceId!: string;
  kind!: Exclude<ProviderKind, 'BUILTIN'>;
  name!: string;
  description = '';
  icon: string | null = null;
  tags: string[] = [];
  /** API: the imported operations; PLUGIN: the plugin's tools and non-secret settings; WORKFLOW: the app and its inputs. */
  definition!: ProviderDefinition;
  /** The imported document as given, so it can be edited and re-imported. */
  document: string | null = null;
  /** AES-256-GCM sealed JSON of the credential values, bound to this row's ID. */
  credentialsSealed: string | null = null;
  connectTimeoutMs: number | null = null;
  totalTimeoutMs: number | null = null;
  visibility: Visibility = 'PRIVATE';
  publishedAt: Date | null = null;
  installCount = 0;
  /** The published provider this one was installed from. */
  sourceProviderId: string | null = null;
  createdBy!: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const INVOCATION_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'] as const;
export type InvocationStatus = (typeof INVOCATION_STATUSES)[number];

/** One call of a tool: who, which tool, how long, how it ended. Never its parameters or output. */
export class ToolInvocationRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'errorCode' | 'errorMessage' | 'providerId' | 'userId' | 'apiKeyId';
  id: string = randomUUID();
  workspaceId!: string;
  providerId: string | null = null;
  toolId!: string;
  toolName!: string;
  userId: string | null = null;
  apiKeyId: string | null = null;
  status!: InvocationStatus;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  messageCount!: number;
  durationMs!: number;
  /** When the call started (the keyset order of listings). */
  createdAt: Date = new Date();
}

export const ToolProviderSchema = new EntitySchema<ToolProviderRecord>({
  class: ToolProviderRecord,
  tableName: 'tool_providers',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    kind: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    icon: { type: 'string', nullable: true },
    tags: { type: 'json' },
    definition: { type: 'json' },
    document: { type: 'text', nullable: true },
    credentialsSealed: { type: 'text', nullable: true },
    connectTimeoutMs: { type: 'integer', nullable: true },
    totalTimeoutMs: { type: 'integer', nullable: true },
    visibility: { type: 'string' },
    publishedAt: { type: 'Date', nullable: true },
    installCount: { type: 'integer' },
    sourceProviderId: { type: 'uuid', nullable: true },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const ToolInvocationSchema = new EntitySchema<ToolInvocationRecord>({
  class: ToolInvocationRecord,
  tableName: 'tool_invocations',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    providerId: { type: 'uuid', nullable: true },
    toolId: { type: 'string' },
    toolName: { type: 'string' },
    userId: { type: 'uuid', nullable: true },
    apiKeyId: { type: 'uuid', nullable: true },
    status: { type: 'string' },
    errorCode: { type: 'string', nullable: true },
    errorMessage: { type: 'string', nullable: true },
    messageCount: { type: 'integer' },
    durationMs: { type: 'integer' },
    createdAt: { type: 'Date' },
  },
});

export const toolEntities = [ToolProviderSchema, ToolInvocationSchema];
