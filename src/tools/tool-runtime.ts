import type { OutboundConfig } from '../config.js';
import type { HttpClient, OutboundRequest } from '../platform/http/http-client.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';
import type { PluginToolHost } from './plugin/plugin-tools.js';
import type { WorkflowToolHost } from './workflow/workflow-tools.js';

/** What the tools domain shares across requests: built once per process in createApp. */
export interface ToolRuntime {
  secrets: SecretBox;
  /** The SSRF-guarded client. */
  http: HttpClient;
  outbound: OutboundConfig;
  maxOperations: number;
  /** Aborted when the server stops: ends calls in flight. */
  shutdown: AbortSignal;
  /** Runs PLUGIN tools in their sandboxes; absent, such tools answer PLUGIN_DISABLED. */
  plugins?: PluginToolHost;
  /** Runs WORKFLOW tools; absent, such tools answer WORKFLOWS_UNAVAILABLE. */
  workflows?: WorkflowToolHost;
  /** A WORKFLOW tool call's time limit (a run's); the tool default when absent. */
  workflowRunTimeoutMs?: number;
}

export interface CallLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
}

/**
 * The guarded client as one call sees it: the provider's limits are ceilings a tool cannot
 * raise. Tools pass `invocation.signal` with each request, which ends them on cancellation.
 */
export function limitedHttp(http: HttpClient, limits: CallLimits): HttpClient {
  const atMost = (value: number | undefined, limit: number) => Math.min(value ?? limit, limit);
  return {
    request: (request: OutboundRequest) =>
      http.request({
        ...request,
        connectTimeoutMs: atMost(request.connectTimeoutMs, limits.connectTimeoutMs),
        totalTimeoutMs: atMost(request.totalTimeoutMs, limits.totalTimeoutMs),
        maxResponseBytes: atMost(request.maxResponseBytes, limits.maxResponseBytes),
      }),
  };
}
