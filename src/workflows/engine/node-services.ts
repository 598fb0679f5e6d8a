import type { HttpClient } from '../../platform/http/http-client.js';
import type { ToolCallEvent } from '../../tools/tool-manager.js';

/**
 * What nodes call outside the engine, as one small interface: the workflow executor binds
 * it to the run's workspace (tool manager, extension manager, guarded HTTP, code sandbox);
 * the benchmark binds it to no-ops.
 */
export interface NodeServices {
  invokeTool(toolId: string, parameters: Record<string, unknown>, signal: AbortSignal): Promise<AsyncIterableIterator<ToolCallEvent>>;
  executeExtension(request: { extensionId: string; point?: string; input: Record<string, unknown> }, signal: AbortSignal): Promise<{ output: unknown }>;
  http: HttpClient;
  runCode(code: string, inputs: Record<string, unknown>, options: { signal: AbortSignal; timeoutMs: number }): Promise<Record<string, unknown>>;
}
