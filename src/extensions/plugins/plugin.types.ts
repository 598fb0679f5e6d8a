/**
 * Code-based extensions (plugins): what a plugin declares (its manifest) and what the host
 * that runs plugin code in isolation offers the rest of Plugboard. The manifest's module is
 * one of the extension points (src/extensions); a `tool` plugin also lists its tools,
 * which the ToolManager offers as a PLUGIN provider.
 */
import type { ToolMessage, ToolParameter } from '../../tools/tool.types.js';

export const EXTENSION_MODULES = ['moderation', 'external_data_tool', 'tool'] as const;
export type ExtensionModuleName = (typeof EXTENSION_MODULES)[number];

export const FORM_FIELD_TYPES = ['string', 'number', 'boolean', 'select', 'secret', 'paragraph'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** One setting of an extension's configuration form. */
export interface FormField {
  /** [A-Za-z_][A-Za-z0-9_]*, at most 64 characters, unique within the form. */
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  default?: unknown;
  /** The allowed values of a `select` field. */
  options?: string[];
  description?: string;
}

export interface PluginToolManifest {
  /** Unique within the plugin: [A-Za-z0-9_.-], at most 128 characters. */
  name: string;
  description: string;
  parameters: ToolParameter[];
}

/** `plugboard.json` at the root of a plugin folder (or of an npm-style tarball's `package/`). */
export interface PluginManifest {
  /** Lower-case npm-style name: [a-z0-9][a-z0-9._-]*, at most 64 characters; unique per installation. */
  name: string;
  /** Semantic version (semver); installing a lower version than the installed one is refused. */
  version: string;
  author: string;
  description: string;
  module: ExtensionModuleName;
  /** Relative path of the ESM entry inside the plugin; default `index.mjs`. */
  entry: string;
  /** The configuration form a workspace fills in when it enables the plugin. */
  config: FormField[];
  /** `tool` plugins only: at least one. */
  tools: PluginToolManifest[];
  permissions: {
    /** Hostnames (or host:port) the plugin may reach through `ctx.fetch`; nothing else. */
    hosts: string[];
  };
}

/** A plugin found on disk, its manifest validated. */
export interface LoadedPlugin {
  manifest: PluginManifest;
  /** Absolute path of the folder holding `plugboard.json` and the entry. */
  dir: string;
}

/** One call into a plugin, by extension point. Parameters use the Dify wire names. */
export type PluginCall =
  | { point: 'app.moderation.input'; params: { app_id: string; inputs: Record<string, unknown>; query: string } }
  | { point: 'app.moderation.output'; params: { app_id: string; text: string } }
  | { point: 'app.external_data_tool.query'; params: { app_id: string; tool_variable: string; inputs: Record<string, unknown>; query: string } }
  | { point: 'tool.invoke'; tool: string; params: Record<string, unknown> };

export interface PluginCallOptions {
  /** The workspace's filled-in configuration form (secrets decrypted). */
  config: Record<string, unknown>;
  /** Wall-clock limit of this call; the host's default when absent. */
  timeoutMs?: number;
  /** Aborts the call (the caller left). */
  signal?: AbortSignal;
  /** `tool.invoke`: each message as the plugin yields it. */
  onMessage?: (message: ToolMessage) => void;
}

export type PluginState = 'RUNNING' | 'RESTARTING' | 'DISABLED' | 'STOPPED';

/** Thrown by PluginHost.call; `code` is one of the product's stable error codes. */
export interface PluginCallError extends Error {
  code: 'PLUGIN_TIMEOUT' | 'PLUGIN_CRASHED' | 'PLUGIN_ERROR' | 'PLUGIN_DISABLED' | 'PLUGIN_OUTPUT_INVALID' | 'DESTINATION_BLOCKED';
}
