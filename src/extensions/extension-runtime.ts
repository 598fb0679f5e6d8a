import type { HttpClient } from '../platform/http/http-client.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';
import type { PluginRunner } from './plugins/plugin-registry.js';

/** Long-lived parts of the ExtensionManager, built once per process (src/app.ts). */
export interface ExtensionRuntime {
  /** The SSRF-guarded client API extensions are called through. */
  http: HttpClient;
  /** Seals API keys and secret form values, bound to their extension's row. */
  secrets: SecretBox;
  /** Dify's defaults: connect 5 s, read 60 s. */
  limits: { connectTimeoutMs: number; totalTimeoutMs: number; maxResponseBytes: number };
  /** Runs code plugins in their sandboxes. */
  plugins: PluginRunner;
  /** Where installed plugins live (one folder each). */
  pluginDir: string;
  /** Server administrators' addresses (lower case): only they install plugins. */
  adminEmails: string[];
}

export const apiKeyContext = (extensionId: string) => `extension:${extensionId}:api_key`;
export const configSecretsContext = (extensionId: string) => `extension:${extensionId}:config`;
