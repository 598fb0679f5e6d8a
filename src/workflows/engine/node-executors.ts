/**
 * What each node type does. A node first resolves its inputs from the variable pool (those
 * are recorded with its execution), then runs — possibly several times under its retry
 * policy — and returns its output variables.
 */
import { AppError } from '../../errors.js';
import { chooseBranch } from '../graph/conditions.js';
import type { CodeNode, EndNode, ExtensionNode, HttpRequestNode, IterationNode, VariableAggregatorNode, VariableType, WorkflowNode } from '../graph/graph.types.js';
import { renderLiquid } from '../graph/liquid.js';
import { resolveMapping, type MapVariablePool } from '../graph/variables.js';
import { NodeFailedError, NodeFailure, NodeInputError } from './engine.errors.js';
import type { NodeServices } from './node-services.js';

export interface NodeContext {
  runId: string;
  workspaceId: string;
  appId: string;
  /** The run's (START) inputs. */
  runInputs: Record<string, unknown>;
  pool: MapVariablePool;
  /** Aborted when this try times out or the run stops. */
  signal: AbortSignal;
  timeoutMs: number;
  services: NodeServices;
  /** Streams text produced by the node (TEXT_CHUNK events). */
  emitText(text: string): void;
  /** Runs an ITERATION's sub-graph once per item; resolves to each item's output, in order. */
  iterate(node: IterationNode, items: unknown[], signal: AbortSignal): Promise<unknown[]>;
}

export interface NodeResult {
  outputs: Record<string, unknown>;
  /** IF_ELSE: the handle of the edges to follow. */
  branch?: string;
}

interface Executor<N extends WorkflowNode> {
  /** The node's resolved inputs: recorded, shown in NODE_STARTED, and passed to `run`. */
  prepare(node: N, ctx: NodeContext): unknown;
  /** The inputs as recorded and streamed, when they may hold secrets the node needs but nobody should read back. */
  redact?(inputs: unknown): unknown;
  run(node: N, inputs: unknown, ctx: NodeContext): Promise<NodeResult>;
}

type Executors = { [T in WorkflowNode['type']]: Executor<Extract<WorkflowNode, { type: T }>> };

const MAX_ITERATION_ITEMS = 1_000;
const MAX_HTTP_BODY_TEXT = 1_000_000;
/** Header and query parameter names whose values are recorded as `[redacted]`. */
const SECRET_NAME = /authorization|cookie|token|secret|password|api[-_]?key|signature|^sig$/i;

function ofType(value: unknown, type: VariableType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'file':
      return value !== null && typeof value === 'object' && typeof (value as { fileId?: unknown }).fileId === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

const resolveRecord = (mapping: Record<string, unknown>, ctx: NodeContext) => resolveMapping(mapping, ctx.pool) as Record<string, unknown>;

const executors: Executors = {
  START: {
    prepare: (_node, ctx) => ctx.runInputs,
    run: async (_node, inputs) => ({ outputs: inputs as Record<string, unknown> }),
  },
  END: {
    prepare: (node: EndNode, ctx) => resolveRecord(node.data.outputs, ctx),
    run: async (_node, inputs) => ({ outputs: inputs as Record<string, unknown> }),
  },
  TOOL: {
    prepare: (node, ctx) => resolveRecord(node.data.parameters, ctx),
    async run(node, inputs, ctx) {
      // Workflow file variables are `{ fileId }`; tools take a FILE parameter as the ID itself.
      const parameters = Object.fromEntries(Object.entries(inputs as Record<string, unknown>).map(([name, value]) => [name, ofType(value, 'file') ? (value as { fileId: string }).fileId : value]));
      const events = await ctx.services.invokeTool(node.data.toolId, parameters, ctx.signal);
      let text = '';
      const json: unknown[] = [];
      const files: unknown[] = [];
      for await (const event of events) {
        if (event.type === 'FINISHED') {
          const record = event.record;
          if (record.status !== 'SUCCEEDED') {
            throw new NodeFailedError(record.errorCode ?? 'TOOL_FAILED', record.errorMessage ?? 'The tool call failed', { invocationId: record.id });
          }
          break;
        }
        const message = event.message;
        if (message.type === 'TEXT') {
          text += message.text;
          ctx.emitText(message.text);
        } else if (message.type === 'JSON') json.push(message.json);
        else if (message.type === 'FILE') files.push(message);
      }
      return { outputs: { text, json: json.length === 0 ? null : json.length === 1 ? json[0] : json, files } };
    },
  },
  EXTENSION: {
    // The run's own app, whatever the graph says: an extension must not be told another app asks.
    prepare: (node: ExtensionNode, ctx) => ({ ...resolveRecord(node.data.input, ctx), app_id: ctx.appId }),
    async run(node, inputs, ctx) {
      const { output } = await ctx.services.executeExtension({ extensionId: node.data.extensionId, point: node.data.point, input: inputs as Record<string, unknown> }, ctx.signal);
      const answer = (output ?? {}) as Record<string, unknown>;
      const outputs: Record<string, unknown> = { output: answer };
      if ('result' in answer) outputs.result = answer.result;
      if ('flagged' in answer) outputs.flagged = answer.flagged;
      if ('action' in answer) outputs.action = answer.action;
      return { outputs };
    },
  },
  HTTP_REQUEST: {
    prepare: (node: HttpRequestNode, ctx) => ({
      method: node.data.method,
      url: String(resolveMapping(node.data.url, ctx.pool)),
      headers: node.data.headers ? resolveRecord(node.data.headers, ctx) : {},
      query: node.data.query ? resolveRecord(node.data.query, ctx) : {},
      body: node.data.body ? { type: node.data.body.type, value: resolveMapping(node.data.body.value, ctx.pool) } : null,
    }),
    redact: (inputs) => {
      const request = inputs as { headers: Record<string, unknown>; query: Record<string, unknown> };
      const hide = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, SECRET_NAME.test(name) ? '[redacted]' : value]));
      return { ...request, headers: hide(request.headers), query: hide(request.query) };
    },
    async run(_node, prepared, ctx) {
      const request = prepared as { method: string; url: string; headers: Record<string, unknown>; query: Record<string, unknown>; body: { type: 'json' | 'text'; value: unknown } | null };
      if (!/^https?:\/\//i.test(request.url) || !URL.canParse(request.url)) throw new NodeInputError(`The URL "${request.url.slice(0, 200)}" is not an absolute http(s) URL`);
      const url = new URL(request.url);
      for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, String(value ?? ''));
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value ?? '')]));
      let body: string | undefined;
      if (request.body?.type === 'json') {
        body = JSON.stringify(request.body.value);
        headers['content-type'] ??= 'application/json';
      } else if (request.body) {
        body = String(request.body.value ?? '');
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      }
      const response = await ctx.services.http.request({ method: request.method, url: url.toString(), headers, body, signal: ctx.signal, totalTimeoutMs: ctx.timeoutMs });
      const text = request.method === 'HEAD' ? '' : await response.text();
      let json: unknown = null;
      if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) {
        try {
          json = JSON.parse(text);
        } catch {
          json = null; // a server mislabelling its body is not the workflow's failure: `body` still has it
        }
      }
      return {
        outputs: {
          status_code: response.status,
          body: text.slice(0, MAX_HTTP_BODY_TEXT),
          // Cookies a server sets are credentials: not passed on, not recorded.
          headers: Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== 'set-cookie')),
          json,
        },
      };
    },
  },
  TEMPLATE: {
    prepare: () => null,
    run: async (node, _inputs, ctx) => ({ outputs: { output: renderLiquid(node.data.template, ctx.pool) } }),
  },
  IF_ELSE: {
    prepare: () => null,
    async run(node, _inputs, ctx) {
      const branch = chooseBranch(node, ctx.pool);
      return { outputs: { branch }, branch };
    },
  },
  CODE: {
    prepare: (node: CodeNode, ctx) => resolveRecord(node.data.inputs, ctx),
    async run(node, inputs, ctx) {
      const result = await ctx.services.runCode(node.data.code, inputs as Record<string, unknown>, { signal: ctx.signal, timeoutMs: ctx.timeoutMs });
      const outputs: Record<string, unknown> = {};
      for (const [name, type] of Object.entries(node.data.outputs)) {
        if (!(name in result)) throw new NodeFailedError('CODE_OUTPUT_INVALID', `main returned no "${name}" (declared ${type})`);
        if (!ofType(result[name], type)) throw new NodeFailedError('CODE_OUTPUT_INVALID', `main returned "${name}" that is not of type ${type}`);
        outputs[name] = result[name];
      }
      return { outputs };
    },
  },
  VARIABLE_AGGREGATOR: {
    prepare: () => null,
    async run(node: VariableAggregatorNode, _inputs, ctx) {
      const found = node.data.variables.find((selector) => ctx.pool.has(selector) && ctx.pool.get(selector) != null);
      return { outputs: { output: found === undefined ? null : ctx.pool.get(found) } };
    },
  },
  ITERATION: {
    prepare: (node: IterationNode, ctx) => ({ items: ctx.pool.get(node.data.items) }),
    async run(node, inputs, ctx) {
      const { items } = inputs as { items: unknown };
      if (!Array.isArray(items)) throw new NodeInputError(`${node.data.items} is not a list`);
      if (items.length > MAX_ITERATION_ITEMS) throw new NodeInputError(`${node.data.items} has ${items.length} items; an ITERATION takes at most ${MAX_ITERATION_ITEMS}`);
      return { outputs: { output: await ctx.iterate(node, items, ctx.signal) } };
    },
  },
};

export function executorOf<N extends WorkflowNode>(node: N): Executor<N> {
  return executors[node.type] as unknown as Executor<N>;
}

/** An error as a node's recorded error: coded errors keep their code and message, others are masked. */
export function nodeErrorOf(error: unknown): { code: string; message: string; known: boolean } {
  // An ITERATION fails with the error of the node inside it that failed.
  if (error instanceof NodeFailure) return { code: error.error.code, message: `Node "${error.nodeId}": ${error.error.message}`, known: true };
  if (error instanceof AppError) return { code: error.code, message: error.message.slice(0, 1_000), known: true };
  return { code: 'INTERNAL_SERVER_ERROR', message: 'The node failed unexpectedly', known: false };
}
