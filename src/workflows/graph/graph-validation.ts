/**
 * Checks of a parsed graph against itself and the workspace (checkGraph), and of a run's
 * inputs against its START node (checkStartInputs). parseGraph (graph.schema.ts) has already
 * checked the shape, including that node ids are unique.
 */
import { AppError, ValidationError } from '../../errors.js';
import { isStorableText } from '../../shared/input.js';
import type { ParameterType, ToolDefinition } from '../../tools/tool.types.js';
import type {
  ConditionOperator,
  GraphProblem,
  IterationNode,
  StartInput,
  StartNode,
  ValueMapping,
  VariableType,
  WorkflowEdge,
  WorkflowGraph,
  WorkflowNode,
} from './graph.types.js';
import { liquidSyntaxError } from './liquid.js';
import {
  exactReference,
  extensionPoint,
  ITERATION_ELEMENT_VARIABLES,
  mappingReferences,
  unsupportedExpression,
  outputVariables,
  SYSTEM_NODE_ID,
  SYSTEM_VARIABLES,
  templateReferences,
  type GraphCatalog,
} from './variables.js';

function problemCount(count: number): string {
  return `${count} more problem${count === 1 ? '' : 's'}`;
}

/** A graph that cannot be saved or run; `problems` lists everything found, in node order. */
export class WorkflowInvalidError extends AppError {
  readonly code = 'WORKFLOW_INVALID';

  constructor(readonly problems: GraphProblem[]) {
    const first = problems[0];
    const summary = first === undefined ? 'The workflow graph is invalid' : first.nodeId === undefined ? first.message : `Node "${first.nodeId}": ${first.message}`;
    super(problems.length > 1 ? `${summary} (and ${problemCount(problems.length - 1)})` : summary, { problems });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoteList(values: Iterable<string>): string {
  const list = [...values].map((value) => `"${value}"`).join(', ');
  return list === '' ? 'none' : list;
}

// ---------------------------------------------------------------------------------------
// Run inputs
// ---------------------------------------------------------------------------------------

const DEFAULT_MAX_LENGTH = { TEXT: 256, PARAGRAPH: 10_000 } as const;
const MAX_FILE_ID_LENGTH = 200;
const MAX_JSON_DEPTH = 64;

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every((member) => isJsonValue(member, depth + 1));
  // graphql-scalars gives objects written inline in a query a null prototype.
  if (isRecord(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.entries(value).every(([key, member]) => isStorableText(key) && isJsonValue(member, depth + 1));
  }
  return false;
}

/**
 * The value `input` takes for `value` (a FILE id becomes `{ fileId }`), or why it refuses it,
 * worded to follow `Input "city" ` or `the default `. Also checks START defaults when parsing.
 */
export function checkStartInputValue(input: StartInput, value: unknown): { value: unknown } | { problem: string } {
  switch (input.type) {
    case 'TEXT':
    case 'PARAGRAPH': {
      if (typeof value !== 'string') return { problem: 'must be text' };
      const maxLength = input.maxLength ?? DEFAULT_MAX_LENGTH[input.type];
      if (value.length > maxLength) return { problem: `must be at most ${maxLength} characters` };
      if (input.type === 'TEXT' && /[\r\n]/.test(value)) return { problem: 'must be one line (a PARAGRAPH input takes several)' };
      if (!isStorableText(value)) return { problem: 'contains NUL or broken characters' };
      return { value };
    }
    case 'SELECT':
      if (typeof value !== 'string' || !(input.options ?? []).includes(value)) return { problem: `must be one of ${quoteList(input.options ?? [])}` };
      return { value };
    case 'NUMBER':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'must be a finite number' };
      return { value };
    case 'FILE': {
      // Extra keys of a file object are dropped: the engine resolves the file from its id alone.
      const fileId = isRecord(value) ? value.fileId : value;
      if (typeof fileId !== 'string' || fileId.length === 0 || fileId.length > MAX_FILE_ID_LENGTH || !isStorableText(fileId)) {
        return { problem: 'must be a file: { "fileId": "…" } or the file id' };
      }
      return { value: { fileId } };
    }
    case 'JSON':
      return isJsonValue(value) ? { value } : { problem: 'must be a JSON value' };
  }
}

function invalidInput(name: string, message: string): ValidationError {
  return new ValidationError(message, { field: `inputs.${name}` });
}

/** Absent, or blank text: the default applies, or the input is missing. */
function isMissing(input: StartInput, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return value === '' && (input.type === 'TEXT' || input.type === 'PARAGRAPH' || input.type === 'SELECT');
}

/** A run's inputs checked against START: unknown names refused, defaults filled, FILE ids normalised. */
export function checkStartInputs(start: StartNode, inputs: unknown): Record<string, unknown> {
  if (inputs !== undefined && inputs !== null && !isRecord(inputs)) {
    throw new ValidationError('inputs must be an object of input values', { field: 'inputs' });
  }
  const given: Record<string, unknown> = inputs ?? {};
  const declared = new Set(start.data.inputs.map((input) => input.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) throw invalidInput(name, `Unknown input "${name}" (the workflow takes ${quoteList(declared)})`);
  }
  const values = new Map<string, unknown>();
  for (const input of start.data.inputs) {
    const value = Object.hasOwn(given, input.name) ? given[input.name] : undefined;
    const missing = isMissing(input, value);
    if (missing && input.default === undefined) {
      if (input.required) throw invalidInput(input.name, `Input "${input.name}" is required`);
      continue;
    }
    const checked = checkStartInputValue(input, missing ? input.default : value);
    if ('problem' in checked) throw invalidInput(input.name, `Input "${input.name}" ${checked.problem}`);
    values.set(input.name, checked.value);
  }
  return Object.fromEntries(values);
}

// ---------------------------------------------------------------------------------------
// Graph checks
// ---------------------------------------------------------------------------------------

type Variables = Readonly<Record<string, VariableType>>;
/** What a node may refer to: node id → the variables visible from there. */
type Scope = ReadonlyMap<string, Variables>;

function compatible(a: VariableType, b: VariableType): boolean {
  return a === 'any' || b === 'any' || a === b;
}

const PARAMETER_VARIABLE_TYPES: Record<ParameterType, VariableType> = {
  STRING: 'string',
  SELECT: 'string',
  NUMBER: 'number',
  INTEGER: 'number',
  BOOLEAN: 'boolean',
  OBJECT: 'object',
  ARRAY: 'array',
  FILE: 'file',
};
/** Words Liquid reads as literals or operators: `{{ empty.output }}` never reaches a node called "empty". */
const LIQUID_KEYWORDS: ReadonlySet<string> = new Set(['empty', 'blank', 'nil', 'null', 'true', 'false', 'and', 'or', 'not', 'contains']);
const NUMERIC_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['greater_than', 'less_than', 'greater_or_equal', 'less_or_equal']);
const BOOLEAN_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['is_true', 'is_false']);

function isNumericText(value: string): boolean {
  return value.trim() !== '' && Number.isFinite(Number(value));
}

/** One level of the graph: the top, or an ITERATION's sub-graph. */
interface Level {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  /** The ITERATION whose sub-graph this is; undefined at the top. */
  iteration?: IterationNode;
  /** What its nodes may refer to besides their own ancestors (sys, enclosing ITERATIONs and their ancestors). */
  outerScope: Scope;
}

/** How a reference is written: Liquid loop variables look like references, so unknown first parts are not errors there. */
type ReferenceKind = 'selector' | 'mapping' | 'liquid';

class GraphChecker {
  private readonly problems = new Map<string | undefined, GraphProblem[]>();
  private readonly variables = new Map<string, Variables>();
  /** Node id → the ITERATION holding it (undefined at the top). */
  private readonly enclosing = new Map<string, IterationNode | undefined>();
  /** Document order, for the report. */
  private readonly order: string[] = [];

  constructor(
    private readonly graph: WorkflowGraph,
    private readonly catalog: GraphCatalog,
  ) {
    const index = (nodes: WorkflowNode[], iteration: IterationNode | undefined): void => {
      for (const node of nodes) {
        this.order.push(node.id);
        this.enclosing.set(node.id, iteration);
        this.variables.set(node.id, outputVariables(node, catalog));
        if (node.type === 'ITERATION') index(node.data.nodes, node);
      }
    };
    index(graph.nodes, undefined);
  }

  run(): GraphProblem[] {
    const { nodes, edges } = this.graph;
    const starts = nodes.filter((node) => node.type === 'START');
    if (starts.length === 0) this.report(undefined, undefined, 'The graph needs a START node');
    for (const extra of starts.slice(1)) this.report(extra.id, undefined, 'a graph has exactly one START node; this is another one');
    if (!nodes.some((node) => node.type === 'END')) this.report(undefined, undefined, 'The graph needs at least one END node');
    this.checkLevel({ nodes, edges, outerScope: new Map([[SYSTEM_NODE_ID, SYSTEM_VARIABLES]]) });
    return [undefined, ...this.order].flatMap((id) => this.problems.get(id) ?? []);
  }

  private report(nodeId: string | undefined, field: string | undefined, message: string): void {
    const problem: GraphProblem = { ...(nodeId !== undefined && { nodeId }), ...(field !== undefined && { field }), message };
    const list = this.problems.get(nodeId) ?? [];
    list.push(problem);
    this.problems.set(nodeId, list);
  }

  private checkLevel(level: Level): void {
    const byId = new Map(level.nodes.map((node) => [node.id, node]));
    if (level.iteration) {
      for (const node of level.nodes) {
        if (node.type === 'START' || node.type === 'END') {
          this.report(node.id, undefined, `${node.type} nodes belong at the top of the graph, not inside ITERATION "${level.iteration.id}"`);
        }
      }
    }
    const edges = this.checkEdges(level, byId);
    const successors = new Map(level.nodes.map((node) => [node.id, [] as string[]]));
    const predecessors = new Map(level.nodes.map((node) => [node.id, [] as string[]]));
    for (const edge of edges) {
      successors.get(edge.source)!.push(edge.target);
      predecessors.get(edge.target)!.push(edge.source);
    }
    this.checkCycles(level.nodes, successors);
    this.checkReachability(level, successors, predecessors);

    for (const node of level.nodes) {
      const scope = new Map(level.outerScope);
      for (const ancestor of reachable(node.id, predecessors)) {
        if (ancestor !== node.id) scope.set(ancestor, this.variables.get(ancestor)!);
      }
      this.checkNode(node, scope);
    }
  }

  /** Reports broken edges; returns those joining two nodes of this level (the ones graph walks use). */
  private checkEdges(level: Level, byId: ReadonlyMap<string, WorkflowNode>): WorkflowEdge[] {
    const usable: WorkflowEdge[] = [];
    const seen = new Set<string>();
    const edgesField = level.iteration ? 'data.edges' : 'edges';
    level.edges.forEach((edge, index) => {
      const label = `Edge "${edge.source}" → "${edge.target}"`;
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      // Named after an end it touches, so the editor can point at it; else after the level's owner.
      const owner = source?.id ?? target?.id;
      const at = (message: string): void =>
        owner !== undefined ? this.report(owner, undefined, message) : this.report(level.iteration?.id, `${edgesField}[${index}]`, message);
      for (const [end, id] of [['source', edge.source], ['target', edge.target]] as const) {
        if (byId.has(id)) continue;
        if (this.enclosing.has(id)) at(`${label}: ${end} "${id}" is in another graph level (edges only join nodes of the same graph or sub-graph)`);
        else at(`${label}: ${end} "${id}" does not exist`);
      }
      if (!source || !target) return;

      if (source.type === 'IF_ELSE') {
        const handles = [...source.data.cases.map((branch) => branch.id), 'else'];
        if (edge.sourceHandle === undefined || !handles.includes(edge.sourceHandle)) {
          at(`${label}: an IF_ELSE edge needs a sourceHandle, one of ${quoteList(handles)}`);
        }
      } else if (edge.sourceHandle !== undefined) {
        at(`${label}: only IF_ELSE edges have a sourceHandle`);
      }
      if (target.type === 'START') this.report(target.id, undefined, `START cannot have incoming edges (${label})`);
      if (source.type === 'END') this.report(source.id, undefined, `END cannot have outgoing edges (${label})`);

      const key = JSON.stringify([edge.source, edge.target, edge.sourceHandle ?? null]);
      if (seen.has(key)) {
        at(`${label}: the same edge appears twice`);
        return;
      }
      seen.add(key);
      usable.push(edge);
    });
    return usable;
  }

  private checkCycles(nodes: readonly WorkflowNode[], successors: ReadonlyMap<string, string[]>): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const reported = new Set<string>();
    const visit = (id: string): void => {
      state.set(id, 'visiting');
      path.push(id);
      for (const next of successors.get(id) ?? []) {
        const nextState = state.get(next);
        if (nextState === 'visiting' && !reported.has(next)) {
          reported.add(next);
          const cycle = [...path.slice(path.indexOf(next)), next].map((member) => `"${member}"`).join(' → ');
          this.report(next, undefined, `is part of a cycle: ${cycle} (a workflow runs each node once)`);
        } else if (nextState === undefined) {
          visit(next);
        }
      }
      path.pop();
      state.set(id, 'done');
    };
    for (const node of nodes) if (!state.has(node.id)) visit(node.id);
  }

  private checkReachability(level: Level, successors: ReadonlyMap<string, string[]>, predecessors: ReadonlyMap<string, string[]>): void {
    let entries: string[];
    let from: string;
    if (level.iteration) {
      entries = level.nodes.filter((node) => predecessors.get(node.id)!.length === 0).map((node) => node.id);
      from = 'the sub-graph\'s entry nodes (those without incoming edges)';
    } else {
      const start = level.nodes.find((node) => node.type === 'START');
      if (!start) return; // Already reported; every node would be unreachable.
      entries = [start.id];
      from = 'START';
    }
    const reached = new Set(entries.flatMap((entry) => [...reachable(entry, successors)]));
    for (const node of level.nodes) {
      if (!reached.has(node.id)) this.report(node.id, undefined, `is not reachable from ${from}`);
    }
  }

  // --- references --------------------------------------------------------------------

  /** The type of the variable `selector` names, reporting why when it cannot be used here. */
  private referenceType(node: WorkflowNode, field: string, selector: string, kind: ReferenceKind, scope: Scope): VariableType | undefined {
    const dot = selector.indexOf('.');
    const targetId = selector.slice(0, dot);
    const variable = selector.slice(dot + 1);
    const visible = scope.get(targetId);
    if (visible === undefined) {
      if (!this.enclosing.has(targetId)) {
        if (kind !== 'liquid') this.report(node.id, field, `refers to "${selector}", but there is no node "${targetId}"`);
        return undefined;
      }
      const holder = this.enclosing.get(targetId);
      const why =
        targetId === node.id
          ? 'a node cannot use its own outputs'
          : holder !== undefined && !this.isInside(node, holder)
            ? `"${targetId}" is inside the sub-graph of ITERATION "${holder.id}" (use that ITERATION's output)`
            : `node "${targetId}" does not run before this one (connect it upstream)`;
      this.report(node.id, field, `refers to "${selector}", but ${why}`);
      return undefined;
    }
    if (!Object.hasOwn(visible, variable)) {
      this.report(node.id, field, `refers to "${selector}", but "${targetId}" has no variable "${variable}" here (it has ${quoteList(Object.keys(visible))})`);
      return undefined;
    }
    return visible[variable];
  }

  /** Whether `node` is in the sub-graph of `iteration`, however deep. */
  private isInside(node: WorkflowNode, iteration: IterationNode): boolean {
    for (let holder = this.enclosing.get(node.id); holder !== undefined; holder = this.enclosing.get(holder.id)) {
      if (holder === iteration) return true;
    }
    return false;
  }

  /** Checks every reference in a mapping; returns the type the mapping produces when known. */
  private mappingType(node: WorkflowNode, field: string, value: ValueMapping, scope: Scope): VariableType | 'null' | undefined {
    const types = new Map(mappingReferences(value).map((selector) => [selector, this.referenceType(node, field, selector, 'mapping', scope)]));
    const expression = unsupportedExpression(value);
    if (expression !== null) this.report(node.id, field, `${expression.slice(0, 80)}: mappings take plain {{node.variable}} references; filters and expressions work in TEMPLATE nodes`);
    const exact = exactReference(value);
    if (exact !== null) return types.get(exact);
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (typeof value === 'object') return 'object';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return typeof value as VariableType;
    return undefined;
  }

  private checkMappings(node: WorkflowNode, field: string, values: Record<string, ValueMapping>, scope: Scope): void {
    for (const [key, value] of Object.entries(values)) this.mappingType(node, `${field}.${key}`, value, scope);
  }

  // --- nodes -------------------------------------------------------------------------

  private checkNode(node: WorkflowNode, scope: Scope): void {
    switch (node.type) {
      case 'START':
        return;
      case 'END':
        return this.checkMappings(node, 'data.outputs', node.data.outputs, scope);
      case 'TOOL':
        return this.checkTool(node, scope);
      case 'EXTENSION':
        return this.checkExtension(node, scope);
      case 'HTTP_REQUEST':
        return this.checkHttpRequest(node, scope);
      case 'TEMPLATE': {
        const syntax = liquidSyntaxError(node.data.template);
        if (syntax !== null) this.report(node.id, 'data.template', syntax);
        for (const selector of templateReferences(node.data.template)) {
          const [first = ''] = selector.split('.');
          if (LIQUID_KEYWORDS.has(first) && this.enclosing.has(first)) {
            this.report(node.id, 'data.template', `Liquid reads "${first}" as a keyword, not as node "${first}": rename the node to use its outputs in a template`);
          } else {
            this.referenceType(node, 'data.template', selector, 'liquid', scope);
          }
        }
        return;
      }
      case 'IF_ELSE':
        return this.checkIfElse(node, scope);
      case 'CODE':
        this.checkMappings(node, 'data.inputs', node.data.inputs, scope);
        if (!/\bmain\b/.test(node.data.code)) this.report(node.id, 'data.code', 'the code must define function main(inputs)');
        return;
      case 'VARIABLE_AGGREGATOR':
        node.data.variables.forEach((selector, index) => {
          const field = `data.variables[${index}]`;
          const type = this.referenceType(node, field, selector, 'selector', scope);
          const wanted = node.data.type;
          if (type !== undefined && wanted !== undefined && !compatible(type, wanted)) {
            this.report(node.id, field, `"${selector}" is ${article(type)}, but the aggregator's type is ${wanted}`);
          }
        });
        return;
      case 'ITERATION':
        return this.checkIteration(node, scope);
    }
  }

  private checkTool(node: Extract<WorkflowNode, { type: 'TOOL' }>, scope: Scope): void {
    const { toolId, parameters } = node.data;
    const definition = this.catalog.tools.get(toolId);
    if (!definition) {
      this.report(node.id, 'data.toolId', `unknown tool "${toolId}"`);
      this.checkMappings(node, 'data.parameters', parameters, scope);
      return;
    }
    const declared = new Map(definition.parameters.map((parameter) => [parameter.name, parameter]));
    for (const parameter of definition.parameters) {
      // As in the ToolManager: a default satisfies a required parameter.
      if (parameter.required && parameter.default === undefined && !Object.hasOwn(parameters, parameter.name)) {
        this.report(node.id, `data.parameters.${parameter.name}`, `the tool's required parameter "${parameter.name}" is not mapped`);
      }
    }
    for (const [name, value] of Object.entries(parameters)) {
      const field = `data.parameters.${name}`;
      const type = this.mappingType(node, field, value, scope);
      const parameter = declared.get(name);
      if (!parameter) {
        this.report(node.id, field, `the tool has no parameter "${name}" (it takes ${quoteList(declared.keys())})`);
        continue;
      }
      const mismatch = parameterMismatch(parameter, value, type);
      if (mismatch !== null) this.report(node.id, field, `parameter "${name}" ${mismatch}`);
    }
  }

  private checkExtension(node: Extract<WorkflowNode, { type: 'EXTENSION' }>, scope: Scope): void {
    this.checkMappings(node, 'data.input', node.data.input, scope);
    const extension = this.catalog.extensions.get(node.data.extensionId);
    if (!extension) {
      this.report(node.id, 'data.extensionId', `unknown or disabled extension "${node.data.extensionId}"`);
      return;
    }
    const point = extensionPoint(node, this.catalog);
    if (node.data.point !== undefined && !extension.points.includes(node.data.point)) {
      this.report(node.id, 'data.point', `the extension has no point "${node.data.point}" (it has ${quoteList(extension.points)})`);
    } else if (point === undefined) {
      this.report(node.id, 'data.point', `the extension has ${extension.points.length} points (${quoteList(extension.points)}): choose one with "point"`);
    }
  }

  private checkHttpRequest(node: Extract<WorkflowNode, { type: 'HTTP_REQUEST' }>, scope: Scope): void {
    const { url, headers, query, body } = node.data;
    this.mappingType(node, 'data.url', url, scope);
    if (!couldBeHttpUrl(url)) this.report(node.id, 'data.url', 'the url must be an absolute http(s) URL');
    if (headers) this.checkMappings(node, 'data.headers', headers, scope);
    if (query) this.checkMappings(node, 'data.query', query, scope);
    if (body) this.mappingType(node, 'data.body.value', body.value, scope);
  }

  private checkIfElse(node: Extract<WorkflowNode, { type: 'IF_ELSE' }>, scope: Scope): void {
    node.data.cases.forEach((branch, caseIndex) => {
      branch.conditions.forEach((condition, conditionIndex) => {
        const field = `data.cases[${caseIndex}].conditions[${conditionIndex}]`;
        const type = this.referenceType(node, `${field}.variable`, condition.variable, 'selector', scope);
        const valueType = condition.value === undefined ? undefined : this.mappingType(node, `${field}.value`, condition.value, scope);
        const { operator } = condition;
        if (NUMERIC_OPERATORS.has(operator)) {
          if (type !== undefined && !compatible(type, 'number')) {
            this.report(node.id, `${field}.variable`, `${operator} compares numbers, but "${condition.variable}" is ${article(type)}`);
          }
          const literalText = typeof condition.value === 'string' && mappingReferences(condition.value).length === 0;
          const numeric = literalText ? isNumericText(condition.value as string) : valueType === undefined || valueType === 'string' || (valueType !== 'null' && compatible(valueType, 'number'));
          if (!numeric) this.report(node.id, `${field}.value`, `${operator} needs a number to compare with`);
        }
        if (BOOLEAN_OPERATORS.has(operator) && type !== undefined && !compatible(type, 'boolean')) {
          this.report(node.id, `${field}.variable`, `${operator} tests a boolean, but "${condition.variable}" is ${article(type)}`);
        }
      });
    });
  }

  private checkIteration(node: IterationNode, scope: Scope): void {
    const itemsType = this.referenceType(node, 'data.items', node.data.items, 'selector', scope);
    if (itemsType !== undefined && !compatible(itemsType, 'array')) {
      this.report(node.id, 'data.items', `items must be an array variable, but "${node.data.items}" is ${article(itemsType)}`);
    }

    const [outputNodeId = '', outputVariable = ''] = node.data.output.split('.');
    const outputNode = node.data.nodes.find((member) => member.id === outputNodeId);
    if (!outputNode) {
      this.report(node.id, 'data.output', `output must be a variable of a node in this ITERATION's sub-graph, and "${outputNodeId}" is not one`);
    } else if (!Object.hasOwn(this.variables.get(outputNode.id)!, outputVariable)) {
      const has = quoteList(Object.keys(this.variables.get(outputNode.id)!));
      this.report(node.id, 'data.output', `refers to "${node.data.output}", but "${outputNodeId}" has no variable "${outputVariable}" (it has ${has})`);
    }

    // Inside, the ITERATION itself stands for the current element, not for its (future) output.
    const innerScope = new Map(scope);
    innerScope.set(node.id, ITERATION_ELEMENT_VARIABLES);
    this.checkLevel({ nodes: node.data.nodes, edges: node.data.edges, iteration: node, outerScope: innerScope });
  }
}

/** Every node reachable from `from` along `links` (itself included). */
function reachable(from: string, links: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of links.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function article(type: VariableType | 'null'): string {
  if (type === 'any' || type === 'null') return type;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/**
 * Whether a URL template can render an absolute http(s) URL: a literal one must parse; a
 * templated one must not start with another scheme.
 */
function couldBeHttpUrl(url: string): boolean {
  const templateStart = url.indexOf('{{');
  if (templateStart < 0) {
    try {
      const { protocol } = new URL(url);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }
  const prefix = url.slice(0, templateStart).toLowerCase();
  return ['http://', 'https://'].some((scheme) => prefix.startsWith(scheme) || scheme.startsWith(prefix));
}

/** Why `value` (of mapped type `type`) does not fit `parameter`, or null when it does. */
function parameterMismatch(parameter: ToolDefinition['parameters'][number], value: ValueMapping, type: VariableType | 'null' | undefined): string | null {
  if (type === undefined) return null; // A broken reference: already reported.
  if (type === 'null') return 'must not be null (leave it out instead)';
  const isLiteral = exactReference(value) === null && mappingReferences(value).length === 0;
  if (parameter.type === 'FILE' && isLiteral) {
    // A file literal is its id, as the ToolManager takes it, or a file object.
    const fileId = isRecord(value) ? value.fileId : value;
    return typeof fileId === 'string' && fileId !== '' ? null : 'expects a file: its id or { "fileId": "…" }';
  }
  const wanted = PARAMETER_VARIABLE_TYPES[parameter.type];
  if (!compatible(type, wanted)) {
    const what =
      exactReference(value) !== null
        ? `"${String(value)}" is ${article(type)}`
        : typeof value === 'string' && !isLiteral
          ? 'a text template gives a string'
          : `the value is ${article(type)}`;
    return `expects ${parameter.type}, but ${what}`;
  }
  if (isLiteral && parameter.type === 'INTEGER' && !Number.isInteger(value)) return 'expects an INTEGER, but the value has a fraction';
  if (isLiteral && parameter.type === 'SELECT' && parameter.options?.length && !parameter.options.includes(value as string)) {
    return `must be one of ${quoteList(parameter.options)}`;
  }
  return null;
}

/**
 * Checks what parseGraph cannot: structure (one START, ENDs, edges, no cycles, everything
 * reachable), references (only to variables of nodes that run before), and fit with the
 * workspace's tools and extensions. Throws WorkflowInvalidError with every problem, in node order.
 */
export function checkGraph(graph: WorkflowGraph, catalog: GraphCatalog): void {
  const problems = new GraphChecker(graph, catalog).run();
  if (problems.length > 0) throw new WorkflowInvalidError(problems);
}
