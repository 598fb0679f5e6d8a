/**
 * The shape of a stored workflow graph (graph.types.ts is the spec): every field, pattern and
 * range, unknown keys refused so typos surface. What needs the whole graph or the workspace
 * (edges, reachability, references, tools) is checkGraph's job in graph-validation.ts.
 */
import { z } from 'zod';
import { isStorableText } from '../../shared/input.js';
import {
  CONDITION_OPERATORS,
  HTTP_METHODS,
  START_INPUT_TYPES,
  VARIABLE_TYPES,
  type GraphProblem,
  type NodeType,
  type WorkflowGraph,
  type WorkflowNode,
} from './graph.types.js';
import { checkStartInputValue, WorkflowInvalidError } from './graph-validation.js';
import { SYSTEM_NODE_ID } from './variables.js';

const MAX_NODES = 200;
const MAX_EDGES = 500;
const MAX_TEXT_LENGTH = 100_000;
const MAX_ITERATION_DEPTH = 3;
/** Deeper JSON is refused before zod walks it: recursion that deep could overflow the stack. */
const MAX_JSON_DEPTH = 64;
/** Enough to fix a graph by; a broken import could otherwise list thousands. */
const MAX_PROBLEMS = 100;

const nodeId = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and _')
  .refine((id) => id !== SYSTEM_NODE_ID, `"${SYSTEM_NODE_ID}" is reserved for the system variables`);
/** Names that become variables or keys read by code: identifiers. */
const variableName = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and contain only letters, digits and _');
/** Keys passed on as they are (tool parameters, extension input, headers). */
const key = z.string().min(1).max(200);
const selector = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}\.[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a variable selector like "start.city"');
const template = z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`);
const handle = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -');

/** Why `value` is not a JSON value fit for a mapping, and where inside it; null when it is. */
function mappingProblem(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string } | null {
  if (path.length > MAX_JSON_DEPTH) return { path, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` };
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? { path, message: `must be at most ${MAX_TEXT_LENGTH} characters` } : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, message: 'must be a finite number' };
  if (Array.isArray(value)) {
    for (const [index, member] of value.entries()) {
      const found = mappingProblem(member, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  // graphql-scalars gives objects written inline in a query a null prototype.
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, member] of Object.entries(value)) {
      const found = mappingProblem(member, [...path, key]);
      if (found) return found;
    }
    return null;
  }
  return { path, message: value === undefined && path.length === 0 ? 'is required' : 'must be a JSON value' };
}

const mapping = z.unknown().superRefine((value, ctx) => {
  const problem = mappingProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});
const mappings = (keys: typeof key) => z.record(keys, mapping);
const textFields = z.record(key, template);

const retry = z.strictObject({
  maxAttempts: z.number().int().min(1).max(10),
  intervalMs: z.number().int().min(0).max(60_000),
});

function nodeOf<T extends NodeType, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({
    id: nodeId,
    type: z.literal(type),
    title: z.string().max(200).optional(),
    timeoutMs: z.number().int().min(1).max(600_000).optional(),
    retry: retry.optional(),
    data,
  });
}

function duplicatesOf(values: string[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  values.forEach((value, index) => (seen.has(value) ? repeated.add(index) : seen.add(value)));
  return repeated;
}

const startInput = z
  .strictObject({
    name: variableName,
    type: z.enum(START_INPUT_TYPES),
    label: z.string().max(200).optional(),
    required: z.boolean(),
    default: z.unknown().optional(),
    options: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
    maxLength: z.number().int().min(1).max(MAX_TEXT_LENGTH).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.type === 'SELECT' && input.options === undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'SELECT inputs need options (1 to 100 values)' });
    }
    if (input.type !== 'SELECT' && input.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only SELECT inputs have options' });
    }
    for (const index of duplicatesOf(input.options ?? [])) {
      ctx.addIssue({ code: 'custom', path: ['options', index], message: 'options must be unique' });
    }
    if (input.maxLength !== undefined && input.type !== 'TEXT' && input.type !== 'PARAGRAPH') {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'only TEXT and PARAGRAPH inputs have a maxLength' });
    }
    if (input.default !== undefined) {
      const checked = checkStartInputValue(input, input.default);
      if ('problem' in checked) ctx.addIssue({ code: 'custom', path: ['default'], message: `the default ${checked.problem}` });
    }
  });

const startNode = nodeOf(
  'START',
  z
    .strictObject({ inputs: z.array(startInput).max(50) })
    .superRefine(({ inputs }, ctx) => {
      for (const index of duplicatesOf(inputs.map((input) => input.name))) {
        ctx.addIssue({ code: 'custom', path: ['inputs', index, 'name'], message: 'input names must be unique' });
      }
    }),
);
const endNode = nodeOf('END', z.strictObject({ outputs: mappings(variableName) }));
const toolNode = nodeOf(
  'TOOL',
  z.strictObject({
    toolId: z.string().max(300).regex(/^[^/\s]+\/[A-Za-z0-9_.-]{1,128}$/, 'must be a tool id like "builtin/current_time"'),
    parameters: mappings(key),
  }),
);
const extensionNode = nodeOf(
  'EXTENSION',
  z.strictObject({
    extensionId: z.string().min(1).max(200),
    point: z.string().regex(/^[A-Za-z0-9_.]{1,200}$/, 'must be an extension point like "app.moderation.input"').optional(),
    input: mappings(key),
  }),
);
const httpRequestNode = nodeOf(
  'HTTP_REQUEST',
  z.strictObject({
    method: z.enum(HTTP_METHODS),
    url: template.min(1, 'must not be empty'),
    headers: textFields.optional(),
    query: textFields.optional(),
    body: z
      .discriminatedUnion('type', [
        z.strictObject({ type: z.literal('json'), value: mapping }),
        z.strictObject({ type: z.literal('text'), value: template }),
      ])
      .optional(),
  }),
);
const templateNode = nodeOf('TEMPLATE', z.strictObject({ template }));

/** Operators that compare with nothing: a `value` there is a mistake. */
const UNARY_OPERATORS = new Set(['is_empty', 'is_not_empty', 'is_true', 'is_false']);
const condition = z
  .strictObject({ variable: selector, operator: z.enum(CONDITION_OPERATORS), value: mapping.optional() })
  .superRefine((checked, ctx) => {
    const unary = UNARY_OPERATORS.has(checked.operator);
    if (unary && checked.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `${checked.operator} takes no value` });
    if (!unary && checked.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `${checked.operator} needs a value` });
  });
const ifElseCase = z.strictObject({
  id: handle.refine((id) => id !== 'else', '"else" is the handle of the else branch; use another case id'),
  logicalOperator: z.enum(['and', 'or']),
  conditions: z.array(condition).min(1, 'a case needs at least one condition').max(50),
});
const ifElseNode = nodeOf(
  'IF_ELSE',
  z
    .strictObject({ cases: z.array(ifElseCase).min(1, 'needs at least one case').max(50) })
    .superRefine(({ cases }, ctx) => {
      for (const index of duplicatesOf(cases.map((branch) => branch.id))) {
        ctx.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: 'case ids must be unique' });
      }
    }),
);
const codeNode = nodeOf(
  'CODE',
  z.strictObject({
    code: template.min(1, 'must not be empty'),
    inputs: mappings(variableName),
    outputs: z.record(variableName, z.enum(VARIABLE_TYPES)),
  }),
);
const aggregatorNode = nodeOf(
  'VARIABLE_AGGREGATOR',
  z.strictObject({ variables: z.array(selector).min(1, 'needs at least one variable').max(50), type: z.enum(VARIABLE_TYPES).optional() }),
);
const edge = z.strictObject({ source: nodeId, target: nodeId, sourceHandle: handle.optional() });

const workflowNode: z.ZodType<WorkflowNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    startNode,
    endNode,
    toolNode,
    extensionNode,
    httpRequestNode,
    templateNode,
    ifElseNode,
    codeNode,
    aggregatorNode,
    iterationNode,
  ]),
);
const iterationNode = nodeOf(
  'ITERATION',
  z.strictObject({
    items: selector,
    concurrency: z.number().int().min(1).max(10).optional(),
    output: selector,
    nodes: z.array(workflowNode).min(1, 'needs at least one node'),
    edges: z.array(edge),
  }),
);
const workflowGraph = z.strictObject({ nodes: z.array(workflowNode), edges: z.array(edge) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatPath(path: readonly PropertyKey[]): string | undefined {
  const text = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
  return text === '' ? undefined : text;
}

/**
 * A problem at `path` of the raw graph, named after the innermost node on that path that has
 * an id (`nodes[3]` with id "weather" → nodeId "weather", field inside it). Only `nodes` of the
 * graph and of ITERATION data are graph levels: a tool parameter called "nodes" is not.
 */
function problemAt(raw: unknown, path: readonly PropertyKey[], message: string): GraphProblem {
  let owner: { id: string; fieldStart: number } | undefined;
  let cursor: unknown = raw;
  let atLevel = true;
  let enteredNode: Record<string, unknown> | undefined;
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!;
    const next: unknown = isRecord(cursor) || Array.isArray(cursor) ? (cursor as Record<PropertyKey, unknown>)[key] : undefined;
    const position = path[index + 1];
    if (atLevel && key === 'nodes' && typeof position === 'number') {
      const node: unknown = Array.isArray(next) ? next[position] : undefined;
      if (isRecord(node) && typeof node.id === 'string' && node.id.length > 0 && node.id.length <= 200) {
        owner = { id: node.id, fieldStart: index + 2 };
      }
      enteredNode = isRecord(node) ? node : undefined;
      cursor = node;
      atLevel = false;
      index++;
      continue;
    }
    atLevel = enteredNode !== undefined && key === 'data' && enteredNode.type === 'ITERATION';
    enteredNode = undefined;
    cursor = next;
  }
  const field = formatPath(owner ? path.slice(owner.fieldStart) : path);
  // The field leads the message: zod's own wording ("Invalid input: expected string…") does not name it.
  const text = field === undefined ? message : `${field}: ${message}`;
  return { ...(owner && { nodeId: owner.id }), ...(field !== undefined && { field }), message: text };
}

/** Zod's wording where it would be obscure. */
function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    return { path: issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path, message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${names}` };
  }
  // An unknown discriminator (a node `type`, a body `type`): zod lists the accepted values in `options`.
  const options = (issue as { options?: unknown }).options;
  if (issue.code === 'invalid_union' && Array.isArray(options)) {
    return { path: issue.path, message: `must be one of ${options.map(String).join(', ')}` };
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return { path: issue.path, message: 'is required' };
  return { path: issue.path, message: issue.message };
}

/**
 * Limits checked on the raw JSON before zod walks it: counts across sub-graphs, ITERATION
 * nesting, JSON depth, text Postgres cannot store (NUL, broken surrogates), `__proto__` keys.
 */
function rawLimitProblems(raw: unknown): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const totals = { nodes: 0, edges: 0 };
  const countLevel = (level: Record<string, unknown>, depth: number, path: PropertyKey[]): void => {
    const nodes = Array.isArray(level.nodes) ? (level.nodes as unknown[]) : [];
    totals.nodes += nodes.length;
    totals.edges += Array.isArray(level.edges) ? level.edges.length : 0;
    nodes.forEach((node, index) => {
      if (!isRecord(node) || node.type !== 'ITERATION' || !isRecord(node.data)) return;
      if (depth >= MAX_ITERATION_DEPTH) {
        problems.push(problemAt(raw, [...path, 'nodes', index], `ITERATION nodes can be nested at most ${MAX_ITERATION_DEPTH} deep`));
      } else {
        countLevel(node.data, depth + 1, [...path, 'nodes', index, 'data']);
      }
    });
  };
  if (isRecord(raw)) countLevel(raw, 0, []);
  if (totals.nodes > MAX_NODES) problems.push({ message: `A graph has at most ${MAX_NODES} nodes (sub-graphs included); this one has ${totals.nodes}` });
  if (totals.edges > MAX_EDGES) problems.push({ message: `A graph has at most ${MAX_EDGES} edges (sub-graphs included); this one has ${totals.edges}` });
  if (problems.length > 0) return problems;

  const walk = (value: unknown, path: PropertyKey[]): GraphProblem | null => {
    if (path.length > MAX_JSON_DEPTH) return problemAt(raw, path, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (typeof value === 'string') return isStorableText(value) ? null : problemAt(raw, path, 'text contains NUL or broken characters');
    if (typeof value !== 'object' || value === null) return null;
    for (const [key, member] of Object.entries(value)) {
      const memberPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (!isStorableText(key)) return problemAt(raw, memberPath, 'the name contains NUL or broken characters');
      // Zod silently drops `__proto__` keys (they could replace an object's prototype): say so instead.
      if (key === '__proto__') return problemAt(raw, memberPath, '"__proto__" cannot be used as a name');
      const found = walk(member, memberPath);
      if (found) return found;
    }
    return null;
  };
  const unfit = walk(raw, []);
  return unfit ? [unfit] : [];
}

/** Every node of the graph, sub-graphs included, in document order (an ITERATION before its own nodes). */
function allNodes(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return nodes.flatMap((node) => (node.type === 'ITERATION' ? [node, ...allNodes(node.data.nodes)] : [node]));
}

/** The graph `raw` describes, checked for shape; WorkflowInvalidError naming the nodes otherwise. */
export function parseGraph(raw: unknown): WorkflowGraph {
  const limits = rawLimitProblems(raw);
  if (limits.length > 0) throw new WorkflowInvalidError(limits);

  const parsed = workflowGraph.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
      const { path, message } = describeIssue(issue);
      return problemAt(raw, path, message);
    });
    throw new WorkflowInvalidError(problems);
  }

  const seen = new Set<string>();
  const duplicates: GraphProblem[] = [];
  for (const node of allNodes(parsed.data.nodes)) {
    if (seen.has(node.id)) {
      duplicates.push({ nodeId: node.id, field: 'id', message: `the id "${node.id}" is used by another node (ids are unique in the whole graph, sub-graphs included)` });
    }
    seen.add(node.id);
  }
  if (duplicates.length > 0) throw new WorkflowInvalidError(duplicates);
  return parsed.data;
}
