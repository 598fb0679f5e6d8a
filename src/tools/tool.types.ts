/**
 * The contracts every tool provider implements. A provider (BUILTIN, API from OpenAPI,
 * WORKFLOW, PLUGIN) offers tools; the ToolManager (tool-manager.ts) validates and coerces
 * parameters against each tool's declared parameters, decrypts credentials, and invokes it.
 */
import type { Logger } from '../logger.js';
import type { HttpClient } from '../platform/http/http-client.js';

export const PROVIDER_KINDS = ['BUILTIN', 'API', 'WORKFLOW', 'PLUGIN'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PARAMETER_TYPES = ['STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'SELECT', 'OBJECT', 'ARRAY', 'FILE'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** A JSON Schema fragment (draft 2020-12 / OpenAPI 3.1 flavoured). */
export type JsonSchema = Record<string, unknown>;

export interface ToolParameter {
  name: string;
  type: ParameterType;
  required: boolean;
  /** What the value means, written for a person or an LLM choosing it. */
  description: string;
  default?: unknown;
  /** The allowed values of a SELECT parameter. */
  options?: string[];
  /** Full JSON Schema of the value when the type alone says too little (OBJECT, ARRAY, formats, bounds). */
  schema?: JsonSchema;
}

export interface ToolDefinition {
  /** Unique within its provider: [A-Za-z0-9_.-], at most 128 characters. */
  name: string;
  description: string;
  parameters: ToolParameter[];
}

export type ToolMessage =
  | { type: 'TEXT'; text: string }
  | { type: 'JSON'; json: unknown }
  | { type: 'LINK'; url: string; title?: string }
  | { type: 'IMAGE'; url: string; mimeType?: string }
  /**
   * Binary output in order: `sequence` counts from 0, `data` is base64, `totalLength` is the
   * whole blob's byte length when known up front, and the last chunk has `final: true`.
   */
  | { type: 'BLOB'; mimeType: string; sequence: number; data: string; totalLength: number | null; final: boolean }
  | { type: 'FILE'; name: string; mimeType: string; url?: string; fileId?: string; size?: number }
  | { type: 'VARIABLE'; name: string; value: unknown }
  | { type: 'LOG'; level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'; message: string; data?: unknown };

export type ToolMessageType = ToolMessage['type'];

/** Everything one call of a tool gets. */
export interface ToolInvocation {
  /** Validated and coerced against the tool's parameters; defaults applied. */
  parameters: Record<string, unknown>;
  /** The provider's decrypted credentials (never logged, never echoed in messages). */
  credentials: Record<string, string>;
  /** Aborted when the caller goes away or the total timeout passes: stop work and outbound requests. */
  signal: AbortSignal;
  /** The SSRF-guarded client, with the provider's timeouts and size cap as defaults. */
  http: HttpClient;
  log: Logger;
  workspaceId: string;
  /** Who called: a WORKFLOW tool's run keeps the caller's API key scope (a key limited to one app stays limited). */
  caller?: { apiKey: { id: string; appId: string | null } | null };
}

/** A runnable tool: its definition and the code that produces its messages. */
export interface Tool {
  definition: ToolDefinition;
  /** Yields messages as they are produced; throwing an AppError ends the call with its code. */
  invoke(invocation: ToolInvocation): AsyncIterable<ToolMessage>;
}

/** A set of tools sharing credentials and settings (a builtin pack, an imported API, a plugin…). */
export interface ToolProvider {
  kind: ProviderKind;
  tools(): Tool[];
}
