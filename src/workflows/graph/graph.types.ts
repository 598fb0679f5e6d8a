/**
 * A workflow graph: what an app of mode WORKFLOW stores (as JSON) in each of its versions.
 *
 * Nodes pass values to each other through *variables*: every node exposes output variables
 * (see `outputVariables` in variables.ts), addressed as `nodeId.variable`. Two ways to use them:
 *
 * - a **selector** is the plain address, `"start.city"` (IF_ELSE conditions, aggregator
 *   lists, ITERATION items and output);
 * - a **value mapping** (TOOL parameters, END outputs, CODE and EXTENSION inputs, HTTP
 *   fields) is any JSON value; strings in it are templates: `"Weather in {{start.city}}"`
 *   renders as text, while a string that is exactly one reference, `"{{start.count}}"`,
 *   keeps the variable's own type (number, object…). Literals (numbers, booleans, objects
 *   without templates) pass as they are. Objects and arrays are mapped member by member.
 *   Mappings take plain references only; Liquid filters and expressions belong in TEMPLATE
 *   nodes (the checker refuses them elsewhere rather than pass them on as literal text).
 *
 * The pseudo-node `sys` always exists: `sys.run_id`, `sys.app_id`, `sys.workspace_id` and
 * `sys.user_id` (strings; user_id is empty for API-key runs). Inside an ITERATION's
 * sub-graph `<iterationId>.item` (the current element, type `any`) and
 * `<iterationId>.index` (number) exist too.
 */

export const NODE_TYPES = ['START', 'END', 'TOOL', 'EXTENSION', 'HTTP_REQUEST', 'TEMPLATE', 'IF_ELSE', 'CODE', 'VARIABLE_AGGREGATOR', 'ITERATION'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'file', 'any'] as const;
/** The type of a variable; `any` is compatible with everything, both ways. */
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const START_INPUT_TYPES = ['TEXT', 'PARAGRAPH', 'NUMBER', 'SELECT', 'FILE', 'JSON'] as const;
export type StartInputType = (typeof START_INPUT_TYPES)[number];

/** One typed input of a run, declared by START. TEXT is one line, PARAGRAPH several. */
export interface StartInput {
  /** [A-Za-z_][A-Za-z0-9_]*, at most 64 characters, unique within START. */
  name: string;
  type: StartInputType;
  label?: string;
  required: boolean;
  default?: unknown;
  /** SELECT only: the allowed values (1 to 100). */
  options?: string[];
  /** TEXT and PARAGRAPH: most characters (TEXT default 256, PARAGRAPH default 10,000). */
  maxLength?: number;
}

/** Any JSON value; strings inside are templates (see above). */
export type ValueMapping = unknown;

export interface RetryPolicy {
  /** Tries in all, 1 to 10 (1 = no retry). */
  maxAttempts: number;
  /** Wait between tries, 0 to 60,000 ms. */
  intervalMs: number;
}

interface NodeBase<T extends NodeType, D> {
  /** [A-Za-z][A-Za-z0-9_]*, at most 64 characters, unique in the whole graph (sub-graphs included); `sys` is reserved. */
  id: string;
  type: T;
  title?: string;
  /** Per-try time limit, 1 ms to 600,000 ms; the engine's default when absent. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  data: D;
}

export type StartNode = NodeBase<'START', { inputs: StartInput[] }>;
/** The run's outputs, by name. */
export type EndNode = NodeBase<'END', { outputs: Record<string, ValueMapping> }>;
/** Any tool of the tool manager: `builtin/<name>` or `<providerId>/<name>`. */
export type ToolNode = NodeBase<'TOOL', { toolId: string; parameters: Record<string, ValueMapping> }>;
/**
 * An enabled extension of the workspace. `point` may be left out when its module has one.
 * `input` fills the point's input object; `app_id` is added by the engine when absent.
 */
export type ExtensionNode = NodeBase<'EXTENSION', { extensionId: string; point?: string; input: Record<string, ValueMapping> }>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type HttpRequestNode = NodeBase<
  'HTTP_REQUEST',
  {
    method: HttpMethod;
    /** A template; must render to an absolute http(s) URL. */
    url: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    /** `json`: the mapped value sent as JSON; `text`: the rendered template sent as text/plain. */
    body?: { type: 'json'; value: ValueMapping } | { type: 'text'; value: string };
  }
>;
/** A Liquid template rendered over the variables: `{{ start.city | upcase }}`. */
export type TemplateNode = NodeBase<'TEMPLATE', { template: string }>;

export const CONDITION_OPERATORS = [
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'equals',
  'not_equals',
  'is_empty',
  'is_not_empty',
  'greater_than',
  'less_than',
  'greater_or_equal',
  'less_or_equal',
  'is_true',
  'is_false',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
  /** A selector: `start.city`. */
  variable: string;
  operator: ConditionOperator;
  /** Compared against; absent for is_empty, is_not_empty, is_true, is_false. A mapping (may reference variables). */
  value?: ValueMapping;
}

export interface IfElseCase {
  /** The edge handle taken when this case matches: [A-Za-z0-9_-], at most 64; not `else`. */
  id: string;
  logicalOperator: 'and' | 'or';
  conditions: Condition[];
}
/** The first matching case's edges are taken (by `sourceHandle`), else the `else` edges. */
export type IfElseNode = NodeBase<'IF_ELSE', { cases: IfElseCase[] }>;

/**
 * JavaScript run in the code-plugin sandbox: the code defines `function main(inputs)` (may be
 * async) returning an object with exactly the declared outputs.
 */
export type CodeNode = NodeBase<'CODE', { code: string; inputs: Record<string, ValueMapping>; outputs: Record<string, VariableType> }>;
/** `output` is the first of `variables` (selectors) that has a value: joins branches of an IF_ELSE. */
export type VariableAggregatorNode = NodeBase<'VARIABLE_AGGREGATOR', { variables: string[]; type?: VariableType }>;
/**
 * Runs its sub-graph once per element of `items` (a selector of an array), at most
 * `concurrency` at a time (1 to 10, default 1). The sub-graph has no START or END; it starts
 * at its nodes without incoming edges. `output` (a selector of a sub-graph node's variable)
 * is collected per element, in order, into the ITERATION's `output` array.
 */
export type IterationNode = NodeBase<'ITERATION', { items: string; concurrency?: number; output: string; nodes: WorkflowNode[]; edges: WorkflowEdge[] }>;

export type WorkflowNode =
  | StartNode
  | EndNode
  | ToolNode
  | ExtensionNode
  | HttpRequestNode
  | TemplateNode
  | IfElseNode
  | CodeNode
  | VariableAggregatorNode
  | IterationNode;

export interface WorkflowEdge {
  source: string;
  target: string;
  /** IF_ELSE only: a case ID or `else`. */
  sourceHandle?: string;
}

export interface WorkflowGraph {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** One problem found when checking a graph; `nodeId` names the node (absent for graph-wide problems). */
export interface GraphProblem {
  nodeId?: string;
  /** Path inside the node, e.g. `data.parameters.city`. */
  field?: string;
  message: string;
}
