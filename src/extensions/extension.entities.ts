import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { ExtensionModuleName, PluginManifest } from './plugins/plugin.types.js';

export const EXTENSION_KINDS = ['API', 'CODE'] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];

/** One extension registered in a workspace: an API endpoint or an installed plugin, for one module. */
export class ExtensionRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'description' | 'enabled' | 'endpoint' | 'apiKeySealed' | 'pluginName' | 'config' | 'configSecretsSealed';
  id: string = randomUUID();
  workspaceId!: string;
  name!: string;
  description = '';
  module!: ExtensionModuleName;
  kind!: ExtensionKind;
  /** API: the endpoint Plugboard POSTs `{ point, params }` to. */
  endpoint: string | null = null;
  /** API: the bearer key, sealed (AES-GCM, bound to this row). */
  apiKeySealed: string | null = null;
  /** CODE: the installed plugin's name. */
  pluginName: string | null = null;
  /** The configuration form's values, secrets excepted. */
  config: Record<string, unknown> = {};
  /** The form's `secret` values, sealed as one JSON object. */
  configSecretsSealed: string | null = null;
  enabled = true;
  createdBy!: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ExtensionSchema = new EntitySchema<ExtensionRecord>({
  class: ExtensionRecord,
  tableName: 'extensions',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    name: { type: 'string' },
    description: { type: 'text' },
    module: { type: 'string' },
    kind: { type: 'string' },
    endpoint: { type: 'string', nullable: true },
    apiKeySealed: { type: 'text', nullable: true },
    pluginName: { type: 'string', nullable: true },
    config: { type: 'json' },
    configSecretsSealed: { type: 'text', nullable: true },
    enabled: { type: 'boolean' },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const EXECUTION_STATUSES = ['SUCCEEDED', 'FAILED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One call of an extension: who, which point, how it went. Never the input or output. */
export class ExtensionExecution {
  [OptionalProps]?: 'id' | 'createdAt' | 'errorCode' | 'userId' | 'apiKeyId';
  id: string = randomUUID();
  workspaceId!: string;
  extensionId!: string;
  point!: string;
  status!: ExecutionStatus;
  errorCode: string | null = null;
  durationMs!: number;
  userId: string | null = null;
  apiKeyId: string | null = null;
  createdAt: Date = new Date();
}

export const ExtensionExecutionSchema = new EntitySchema<ExtensionExecution>({
  class: ExtensionExecution,
  tableName: 'extension_executions',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    extensionId: { type: 'uuid' },
    point: { type: 'string' },
    status: { type: 'string' },
    errorCode: { type: 'string', nullable: true },
    durationMs: { type: 'integer' },
    userId: { type: 'uuid', nullable: true },
    apiKeyId: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export const PLUGIN_SOURCES = ['DISCOVERED', 'UPLOADED', 'PATH'] as const;
export type PluginSource = (typeof PLUGIN_SOURCES)[number];

/** A code plugin installed on this server (shared by every workspace that enables it). */
export class InstalledPlugin {
  [OptionalProps]?: 'installedAt' | 'updatedAt' | 'installedBy';
  name!: string;
  version!: string;
  manifest!: PluginManifest;
  dir!: string;
  source!: PluginSource;
  installedBy: string | null = null;
  installedAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const InstalledPluginSchema = new EntitySchema<InstalledPlugin>({
  class: InstalledPlugin,
  tableName: 'plugins',
  properties: {
    name: { type: 'string', primary: true },
    version: { type: 'string' },
    manifest: { type: 'json' },
    dir: { type: 'string' },
    source: { type: 'string' },
    installedBy: { type: 'uuid', nullable: true },
    installedAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const extensionEntities = [ExtensionSchema, ExtensionExecutionSchema, InstalledPluginSchema];
