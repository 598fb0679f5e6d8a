import { buildApiRequest, type ApiOperation } from '../openapi/index.js';
import { responseMessages } from '../http-messages.js';
import type { ApiProviderDefinition } from '../tool.entities.js';
import type { Tool, ToolDefinition, ToolInvocation, ToolMessage, ToolProvider } from '../tool.types.js';

/** Methods safe to send twice: only these are retried after a network error or a 502/503/504. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface ApiTool extends Tool {
  operation: ApiOperation;
}

function toolDefinition(operation: ApiOperation): ToolDefinition {
  return { name: operation.name, description: operation.description, parameters: operation.parameters };
}

async function* callOperation(definition: ApiProviderDefinition, operation: ApiOperation, invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  const request = buildApiRequest(operation, definition.serverUrl, invocation.parameters, definition.auth, invocation.credentials);
  const response = await invocation.http.request({
    ...request,
    signal: invocation.signal,
    retries: IDEMPOTENT.has(request.method) ? 2 : 0,
  });
  yield* responseMessages(response);
}

/** The tools of an imported API: one per operation, each an HTTP call through the guarded client. */
export function apiToolProvider(definition: ApiProviderDefinition): ToolProvider & { tools(): ApiTool[] } {
  const tools: ApiTool[] = definition.spec.operations.map((operation) => ({
    operation,
    definition: toolDefinition(operation),
    invoke: (invocation) => callOperation(definition, operation, invocation),
  }));
  return { kind: 'API', tools: () => tools };
}
