/**
 * Variables: what each node outputs (for checking a graph before it runs) and how value
 * mappings resolve against the values of a run (see the comment at the top of graph.types.ts).
 */
import type { ToolDefinition } from '../../tools/tool.types.js';
import type { StartInputType, ValueMapping, VariableType, WorkflowNode } from './graph.types.js';

/** What the checker knows of the workspace: its tools and enabled extensions. */
export interface GraphCatalog {
  /** By tool id: `builtin/<name>` or `<providerId>/<name>`. */
  tools: ReadonlyMap<string, ToolDefinition>;
  /** By extension id: the extension points its module implements. */
  extensions: ReadonlyMap<string, { points: string[] }>;
}

/** The pseudo-node every run has. */
export const SYSTEM_NODE_ID = 'sys';
export const SYSTEM_VARIABLES: Readonly<Record<string, VariableType>> = {
  run_id: 'string',
  app_id: 'string',
  workspace_id: 'string',
  user_id: 'string',
};
/** What `<iterationId>.…` means inside that ITERATION's sub-graph. */
export const ITERATION_ELEMENT_VARIABLES: Readonly<Record<string, VariableType>> = { item: 'any', index: 'number' };

const START_INPUT_VARIABLE_TYPES: Record<StartInputType, VariableType> = {
  TEXT: 'string',
  PARAGRAPH: 'string',
  SELECT: 'string',
  NUMBER: 'number',
  FILE: 'file',
  JSON: 'any',
};

const EXTERNAL_DATA_POINT = 'app.external_data_tool.query';
const MODERATION_POINTS = new Set(['app.moderation.input', 'app.moderation.output']);

/** The point an EXTENSION node calls: its own, or its extension's only one; undefined when neither. */
export function extensionPoint(node: Extract<WorkflowNode, { type: 'EXTENSION' }>, catalog: GraphCatalog): string | undefined {
  if (node.data.point !== undefined) return node.data.point;
  const points = catalog.extensions.get(node.data.extensionId)?.points ?? [];
  return points.length === 1 ? points[0] : undefined;
}

/** The variables `node` exposes as `<node.id>.<name>` once it has run. */
export function outputVariables(node: WorkflowNode, catalog: GraphCatalog): Record<string, VariableType> {
  switch (node.type) {
    case 'START':
      return Object.fromEntries(node.data.inputs.map((input) => [input.name, START_INPUT_VARIABLE_TYPES[input.type]]));
    case 'END':
      return {};
    case 'TOOL':
      return { text: 'string', json: 'any', files: 'array' };
    case 'EXTENSION': {
      const point = extensionPoint(node, catalog);
      const variables: Record<string, VariableType> = { output: 'object' };
      if (point === EXTERNAL_DATA_POINT) variables.result = 'string';
      if (point !== undefined && MODERATION_POINTS.has(point)) Object.assign(variables, { flagged: 'boolean', action: 'string' });
      return variables;
    }
    case 'HTTP_REQUEST':
      return { status_code: 'number', body: 'string', headers: 'object', json: 'any' };
    case 'TEMPLATE':
      return { output: 'string' };
    case 'IF_ELSE':
      return { branch: 'string' };
    case 'CODE':
      return { ...node.data.outputs };
    case 'VARIABLE_AGGREGATOR':
      return { output: node.data.type ?? 'any' };
    case 'ITERATION':
      return { output: 'array' };
  }
}

// A reference is `node.variable`; node ids start with a letter, variables may start with `_`.
const SELECTOR = '[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*';
/** `{{ a.b }}` alone: the only form value mappings replace (no filters, unlike TEMPLATE nodes). */
const PLAIN_REFERENCE = new RegExp(`\\{\\{\\s*(${SELECTOR})\\s*\\}\\}`, 'g');
const EXACT_REFERENCE = new RegExp(`^\\{\\{\\s*(${SELECTOR})\\s*\\}\\}$`);
/**
 * The leading `ident.ident` of every `{{ … }}` output, filters or not, Liquid whitespace control
 * allowed. The first part may be a Liquid loop variable rather than a node: callers decide.
 */
const OUTPUT_REFERENCE = /\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)/g;

/** The selectors a template refers to, in order of first appearance. */
export function templateReferences(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(OUTPUT_REFERENCE), (match) => match[1]!))];
}

/**
 * The first `{{ … }}` in a mapping's strings that is not a plain reference (a filter, an
 * expression), or null. Mappings only replace plain references: anything else would stay
 * as literal text, so the checker refuses it and points at TEMPLATE nodes.
 */
export function unsupportedExpression(value: ValueMapping): string | null {
  if (typeof value === 'string') return /\{\{.*?\}\}/.exec(value.replace(PLAIN_REFERENCE, ''))?.[0] ?? null;
  const members = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
  for (const member of members) {
    const found = unsupportedExpression(member);
    if (found !== null) return found;
  }
  return null;
}

/** The selectors a value mapping refers to, in any string inside it. */
export function mappingReferences(value: ValueMapping): string[] {
  const found = new Set<string>();
  const walk = (member: unknown): void => {
    if (typeof member === 'string') for (const selector of templateReferences(member)) found.add(selector);
    else if (Array.isArray(member)) member.forEach(walk);
    else if (isRecord(member)) Object.values(member).forEach(walk);
  };
  walk(value);
  return [...found];
}

/** The selector when `value` is exactly one reference, `"{{ a.b }}"`: it then keeps the variable's type. */
export function exactReference(value: ValueMapping): string | null {
  if (typeof value !== 'string') return null;
  return EXACT_REFERENCE.exec(value)?.[1] ?? null;
}

/** The values of a run, addressed by selector. */
export interface VariablePool {
  /** The value, or undefined when it has none (e.g. its node was skipped by an IF_ELSE). */
  get(selector: string): unknown;
  has(selector: string): boolean;
}

function splitSelector(selector: string): [nodeId: string, variable: string] {
  const dot = selector.indexOf('.');
  return dot < 0 ? [selector, ''] : [selector.slice(0, dot), selector.slice(dot + 1)];
}

/** A pool kept in memory, by node id. `child()` gives an ITERATION element its own scope over this one. */
export class MapVariablePool implements VariablePool {
  private readonly entries = new Map<string, Record<string, unknown>>();

  constructor(
    initial: Record<string, Record<string, unknown>> = {},
    private readonly parent?: MapVariablePool,
  ) {
    for (const [nodeId, outputs] of Object.entries(initial)) this.set(nodeId, outputs);
  }

  /** Records a node's outputs, replacing what this pool held for it. */
  set(nodeId: string, outputs: Record<string, unknown>): void {
    this.entries.set(nodeId, { ...outputs });
  }

  has(selector: string): boolean {
    const [nodeId, variable] = splitSelector(selector);
    const own = this.entries.get(nodeId);
    if (own !== undefined && Object.hasOwn(own, variable)) return true;
    return this.parent?.has(selector) ?? false;
  }

  get(selector: string): unknown {
    const [nodeId, variable] = splitSelector(selector);
    const own = this.entries.get(nodeId);
    if (own !== undefined && Object.hasOwn(own, variable)) return own[variable];
    return this.parent?.get(selector);
  }

  /** A pool that reads its own entries first, then this one's; writes stay in the child. */
  child(): MapVariablePool {
    return new MapVariablePool({}, this);
  }

  /** Every node's outputs, parents' included, with node ids as top-level names (what Liquid renders over). */
  snapshot(): Record<string, Record<string, unknown>> {
    const merged = new Map(Object.entries(this.parent?.snapshot() ?? {}));
    for (const [nodeId, outputs] of this.entries) merged.set(nodeId, { ...merged.get(nodeId), ...outputs });
    return Object.fromEntries(merged);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value reads inside a text: what `"Weather in {{start.city}}"` shows. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The value a mapping stands for in a run: exact references keep their type, other strings render as text. */
export function resolveMapping(value: ValueMapping, pool: VariablePool): unknown {
  if (typeof value === 'string') {
    const exact = exactReference(value);
    if (exact !== null) return pool.get(exact);
    return value.replace(PLAIN_REFERENCE, (_match, selector: string) => asText(pool.get(selector)));
  }
  if (Array.isArray(value)) return value.map((member) => resolveMapping(member, pool));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolveMapping(member, pool)]));
  return value;
}

// Defined next to the Liquid engine; offered here too, with the rest of what runs over a pool.
export { renderLiquid } from './liquid.js';
