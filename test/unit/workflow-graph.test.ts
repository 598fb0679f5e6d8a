import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { ToolDefinition } from '../../src/tools/tool.types.js';
import { chooseBranch } from '../../src/workflows/graph/conditions.js';
import { checkGraph, checkStartInputs, WorkflowInvalidError } from '../../src/workflows/graph/graph-validation.js';
import { parseGraph } from '../../src/workflows/graph/graph.schema.js';
import type { Condition, GraphProblem, IfElseNode, NodeType, StartNode, WorkflowGraph, WorkflowNode } from '../../src/workflows/graph/graph.types.js';
import {
  exactReference,
  MapVariablePool,
  mappingReferences,
  outputVariables,
  renderLiquid,
  resolveMapping,
  SYSTEM_VARIABLES,
  templateReferences,
  type GraphCatalog,
} from '../../src/workflows/graph/variables.js';

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

const weatherTool: ToolDefinition = {
  name: 'weather',
  description: 'The weather of a city',
  parameters: [
    { name: 'city', type: 'STRING', required: true, description: 'City' },
    { name: 'days', type: 'INTEGER', required: false, description: 'Days ahead' },
    { name: 'units', type: 'SELECT', required: false, options: ['metric', 'imperial'], description: 'Units' },
    { name: 'verbose', type: 'BOOLEAN', required: false, description: 'More text' },
    { name: 'attachment', type: 'FILE', required: false, description: 'A file' },
    { name: 'filters', type: 'OBJECT', required: false, description: 'Filters' },
    { name: 'tags', type: 'ARRAY', required: false, description: 'Tags' },
    // Required, but the ToolManager fills the default: need not be mapped.
    { name: 'lang', type: 'STRING', required: true, default: 'en', description: 'Language' },
  ],
};

const catalog: GraphCatalog = {
  tools: new Map([['builtin/weather', weatherTool]]),
  extensions: new Map([
    ['moderator', { points: ['app.moderation.input'] }],
    ['lookup', { points: ['app.external_data_tool.query', 'app.moderation.output'] }],
  ]),
};

/** START → TOOL → IF_ELSE → TEMPLATE / EXTENSION → VARIABLE_AGGREGATOR → END. */
function mainGraph(): WorkflowGraph {
  return {
    nodes: [
      {
        id: 'start',
        type: 'START',
        data: {
          inputs: [
            { name: 'city', type: 'TEXT', required: true },
            { name: 'days', type: 'NUMBER', required: false, default: 3 },
            { name: 'units', type: 'SELECT', required: false, options: ['metric', 'imperial'], default: 'metric' },
          ],
        },
      },
      {
        id: 'weather',
        type: 'TOOL',
        retry: { maxAttempts: 3, intervalMs: 500 },
        timeoutMs: 10_000,
        data: { toolId: 'builtin/weather', parameters: { city: '{{ start.city }}', days: '{{start.days}}', units: '{{start.units}}', verbose: true } },
      },
      {
        id: 'check',
        type: 'IF_ELSE',
        data: {
          cases: [
            {
              id: 'sunny',
              logicalOperator: 'and',
              conditions: [
                { variable: 'weather.text', operator: 'contains', value: 'sun' },
                { variable: 'start.days', operator: 'greater_than', value: 0 },
              ],
            },
          ],
        },
      },
      { id: 'report', type: 'TEMPLATE', data: { template: 'Sunny in {{ start.city | upcase }}:{% for f in weather.files %} {{ f.name }}{% endfor %}' } },
      { id: 'moderate', type: 'EXTENSION', data: { extensionId: 'moderator', input: { text: '{{weather.text}}' } } },
      { id: 'pick', type: 'VARIABLE_AGGREGATOR', data: { variables: ['report.output', 'moderate.action'], type: 'string' } },
      { id: 'finish', type: 'END', data: { outputs: { answer: '{{pick.output}}', city: 'Weather in {{start.city}}', raw: { json: '{{weather.json}}' } } } },
    ],
    edges: [
      { source: 'start', target: 'weather' },
      { source: 'weather', target: 'check' },
      { source: 'check', target: 'report', sourceHandle: 'sunny' },
      { source: 'check', target: 'moderate', sourceHandle: 'else' },
      { source: 'report', target: 'pick' },
      { source: 'moderate', target: 'pick' },
      { source: 'pick', target: 'finish' },
    ],
  };
}

/** START → ITERATION (TOOL → TEMPLATE per element) → END. */
function iterationGraph(): WorkflowGraph {
  return {
    nodes: [
      {
        id: 'start',
        type: 'START',
        data: {
          inputs: [
            { name: 'cities', type: 'JSON', required: true },
            { name: 'prefix', type: 'TEXT', required: false },
          ],
        },
      },
      {
        id: 'each',
        type: 'ITERATION',
        data: {
          items: 'start.cities',
          concurrency: 2,
          output: 'line.output',
          nodes: [
            { id: 'lookup', type: 'TOOL', data: { toolId: 'builtin/weather', parameters: { city: '{{each.item}}' } } },
            { id: 'line', type: 'TEMPLATE', data: { template: '{{ start.prefix }}{{ each.index }}: {{ lookup.text }}' } },
          ],
          edges: [{ source: 'lookup', target: 'line' }],
        },
      },
      { id: 'done', type: 'END', data: { outputs: { lines: '{{each.output}}', run: '{{ sys.run_id }}' } } },
    ],
    edges: [
      { source: 'start', target: 'each' },
      { source: 'each', target: 'done' },
    ],
  };
}

function findNode(nodes: readonly WorkflowNode[], id: string): WorkflowNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    if (node.type === 'ITERATION') {
      const inner = findNode(node.data.nodes, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** A node of `graph` to edit in a test, typed by its kind. */
function nodeIn<T extends NodeType>(graph: WorkflowGraph, id: string, type: T): Extract<WorkflowNode, { type: T }> {
  const node = findNode(graph.nodes, id);
  if (!node || node.type !== type) throw new Error(`no ${type} node "${id}"`);
  return node as Extract<WorkflowNode, { type: T }>;
}

/** The problems of the WorkflowInvalidError `run` throws (fails when it throws nothing or something else). */
function problemsOf(run: () => unknown): GraphProblem[] {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(WorkflowInvalidError);
  return (thrown as WorkflowInvalidError).problems;
}

function checkProblems(graph: WorkflowGraph): GraphProblem[] {
  return problemsOf(() => checkGraph(graph, catalog));
}

function parseProblems(raw: unknown): GraphProblem[] {
  return problemsOf(() => parseGraph(raw));
}

/** Asserts one problem names `nodeId` (undefined: graph-wide) with a message containing `text`. */
function expectProblem(problems: GraphProblem[], nodeId: string | undefined, text: string, field?: string): void {
  const match = problems.find((problem) => problem.nodeId === nodeId && problem.message.includes(text) && (field === undefined || problem.field === field));
  expect(match, `no problem for ${nodeId ?? '(graph)'} containing "${text}"${field ? ` at ${field}` : ''} in ${JSON.stringify(problems, null, 2)}`).toBeDefined();
}

/** A raw (unchecked) copy of a graph to break in parse tests. */
interface RawGraph {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
}
function raw(graph: WorkflowGraph): RawGraph {
  return structuredClone(graph) as unknown as RawGraph;
}

function rawNode(graph: RawGraph, index: number): Record<string, unknown> & { data: Record<string, unknown> } {
  return graph.nodes[index] as Record<string, unknown> & { data: Record<string, unknown> };
}

// ---------------------------------------------------------------------------------------
// parseGraph
// ---------------------------------------------------------------------------------------

describe('parseGraph', () => {
  it('accepts valid graphs as they are', () => {
    expect(parseGraph(mainGraph())).toEqual(mainGraph());
    expect(parseGraph(iterationGraph())).toEqual(iterationGraph());
    expect(parseGraph(JSON.parse(JSON.stringify(mainGraph())))).toEqual(mainGraph());
  });

  it('refuses unknown keys, naming the node and the field', () => {
    const graph = raw(mainGraph());
    rawNode(graph, 1).data = { toolId: 'builtin/weather', parmeters: {} };
    const problems = parseProblems(graph);
    expectProblem(problems, 'weather', 'unknown field "parmeters"', 'data.parmeters');
    expectProblem(problems, 'weather', 'data.parameters: is required', 'data.parameters');
  });

  it('names the node of a bad parameter value and the path inside it', () => {
    const graph = raw(mainGraph());
    rawNode(graph, 1).data = { toolId: 'builtin/weather', parameters: { city: 'x'.repeat(100_001) } };
    const problems = parseProblems(graph);
    expectProblem(problems, 'weather', 'at most 100000 characters', 'data.parameters.city');
  });

  it('refuses bad node ids, including the reserved "sys"', () => {
    const graph = raw(mainGraph());
    graph.nodes[1]!.id = '1weather';
    graph.nodes[2]!.id = 'sys';
    graph.nodes[3]!.id = 'x'.repeat(65);
    const problems = parseProblems(graph);
    expectProblem(problems, '1weather', 'must start with a letter', 'id');
    expectProblem(problems, 'sys', 'reserved', 'id');
    expectProblem(problems, 'x'.repeat(65), 'at most 64 characters', 'id');
  });

  it('points at the node position when a node has no id', () => {
    const graph = raw(mainGraph());
    delete graph.nodes[2]!.id;
    const problems = parseProblems(graph);
    expect(problems[0]!.nodeId).toBeUndefined();
    expect(problems[0]!.field).toBe('nodes[2].id');
  });

  it('lists the node types when one is unknown', () => {
    const graph = raw(mainGraph());
    graph.nodes[3]!.type = 'LLM';
    const problems = parseProblems(graph);
    expectProblem(problems, 'report', 'must be one of START, END, TOOL', 'type');
  });

  it('checks START inputs: names, SELECT options, maxLength, defaults', () => {
    const start = (inputs: unknown[]) => ({ nodes: [{ id: 'start', type: 'START', data: { inputs } }], edges: [] });
    expectProblem(parseProblems(start([{ name: 'my city', type: 'TEXT', required: true }])), 'start', 'must start with a letter or _', 'data.inputs[0].name');
    expectProblem(parseProblems(start([{ name: 'pick', type: 'SELECT', required: true }])), 'start', 'SELECT inputs need options', 'data.inputs[0].options');
    expectProblem(parseProblems(start([{ name: 'pick', type: 'SELECT', required: true, options: [] }])), 'start', 'data.inputs[0].options', 'data.inputs[0].options');
    expectProblem(parseProblems(start([{ name: 't', type: 'TEXT', required: true, options: ['a'] }])), 'start', 'only SELECT inputs have options');
    expectProblem(parseProblems(start([{ name: 'n', type: 'NUMBER', required: true, maxLength: 5 }])), 'start', 'only TEXT and PARAGRAPH inputs have a maxLength');
    expectProblem(
      parseProblems(start([{ name: 'pick', type: 'SELECT', required: false, options: ['a', 'b'], default: 'c' }])),
      'start',
      'the default must be one of "a", "b"',
      'data.inputs[0].default',
    );
    expectProblem(parseProblems(start([{ name: 't', type: 'TEXT', required: false, maxLength: 3, default: 'long' }])), 'start', 'at most 3 characters');
    expectProblem(
      parseProblems(start([{ name: 'a', type: 'TEXT', required: true }, { name: 'a', type: 'NUMBER', required: true }])),
      'start',
      'input names must be unique',
      'data.inputs[1].name',
    );
    expectProblem(parseProblems(start([{ name: 'a', type: 'DATE', required: true }])), 'start', 'data.inputs[0].type', 'data.inputs[0].type');
    expectProblem(parseProblems(start([{ name: 'a', type: 'TEXT' }])), 'start', 'data.inputs[0].required');
  });

  it('checks IF_ELSE cases and conditions', () => {
    const ifElse = (data: unknown) => ({ nodes: [{ id: 'check', type: 'IF_ELSE', data }], edges: [] });
    const condition = { variable: 'start.city', operator: 'equals', value: 'Paris' };
    expectProblem(parseProblems(ifElse({ cases: [{ id: 'else', logicalOperator: 'and', conditions: [condition] }] })), 'check', '"else" is the handle', 'data.cases[0].id');
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'and', conditions: [condition] }, { id: 'a', logicalOperator: 'or', conditions: [condition] }] })),
      'check',
      'case ids must be unique',
      'data.cases[1].id',
    );
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'and', conditions: [{ variable: 'start.city', operator: 'equals' }] }] })),
      'check',
      'equals needs a value',
      'data.cases[0].conditions[0].value',
    );
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'and', conditions: [{ variable: 'start.city', operator: 'is_empty', value: 'x' }] }] })),
      'check',
      'is_empty takes no value',
    );
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'xor', conditions: [condition] }] })),
      'check',
      'data.cases[0].logicalOperator',
      'data.cases[0].logicalOperator',
    );
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'and', conditions: [{ ...condition, operator: 'matches' }] }] })),
      'check',
      'data.cases[0].conditions[0].operator',
    );
    expectProblem(
      parseProblems(ifElse({ cases: [{ id: 'a', logicalOperator: 'and', conditions: [{ ...condition, variable: 'city' }] }] })),
      'check',
      'must be a variable selector like "start.city"',
    );
    expectProblem(parseProblems(ifElse({ cases: [] })), 'check', 'needs at least one case');
  });

  it('checks methods, ranges and retry policies', () => {
    const graph = raw(mainGraph());
    graph.nodes.push({ id: 'call', type: 'HTTP_REQUEST', data: { method: 'FETCH', url: 'https://example.com' } });
    rawNode(graph, 1).retry = { maxAttempts: 11, intervalMs: 0 };
    rawNode(graph, 3).timeoutMs = 600_001;
    const problems = parseProblems(graph);
    expectProblem(problems, 'call', 'data.method', 'data.method');
    expectProblem(problems, 'weather', 'retry.maxAttempts', 'retry.maxAttempts');
    expectProblem(problems, 'report', 'timeoutMs', 'timeoutMs');
  });

  it('checks ITERATION concurrency and nodes, naming nodes inside sub-graphs', () => {
    const graph = raw(iterationGraph());
    rawNode(graph, 1).data.concurrency = 11;
    const inner = (rawNode(graph, 1).data.nodes as Record<string, unknown>[])[1]!;
    inner.data = { template: 'x', extra: true };
    const problems = parseProblems(graph);
    expectProblem(problems, 'each', 'data.concurrency', 'data.concurrency');
    expectProblem(problems, 'line', 'unknown field "extra"', 'data.extra');
  });

  it('does not mistake a parameter called "nodes" for a sub-graph', () => {
    const graph = raw(mainGraph());
    rawNode(graph, 1).data = { toolId: 'builtin/weather', parameters: { nodes: [{ id: 'ghost', bad: () => 1 }] } };
    const problems = parseProblems(graph);
    expectProblem(problems, 'weather', 'must be a JSON value', 'data.parameters.nodes[0].bad');
  });

  it('refuses ITERATION nesting deeper than 3', () => {
    const iteration = (id: string, inner: WorkflowNode): WorkflowNode => ({
      id,
      type: 'ITERATION',
      data: { items: 'start.list', output: `${inner.id}.output`, nodes: [inner], edges: [] },
    });
    const leaf: WorkflowNode = { id: 'leaf', type: 'TEMPLATE', data: { template: 'x' } };
    const three = iteration('one', iteration('two', iteration('three', leaf)));
    expect(() => parseGraph({ nodes: [three], edges: [] })).not.toThrow();
    const four = iteration('one', iteration('two', iteration('three', iteration('four', leaf))));
    expectProblem(parseProblems({ nodes: [four], edges: [] }), 'four', 'nested at most 3 deep');
  });

  it('limits nodes and edges across the whole graph', () => {
    const many = (count: number): WorkflowNode[] => Array.from({ length: count }, (_, index) => ({ id: `t${index}`, type: 'TEMPLATE', data: { template: '' } }));
    const nested: WorkflowNode = { id: 'loop', type: 'ITERATION', data: { items: 'start.list', output: 't0.output', nodes: many(150), edges: [] } };
    const top = many(60).map((node) => ({ ...node, id: `top${node.id}` }));
    expectProblem(parseProblems({ nodes: [nested, ...top], edges: [] }), undefined, 'at most 200 nodes');
    const edges = Array.from({ length: 501 }, () => ({ source: 'a', target: 'b' }));
    expectProblem(parseProblems({ nodes: [], edges }), undefined, 'at most 500 edges');
  });

  it('refuses text Postgres cannot store', () => {
    const graph = raw(mainGraph());
    rawNode(graph, 3).data = { template: 'a\u0000b' };
    expectProblem(parseProblems(graph), 'report', 'NUL', 'data.template');
  });

  it('refuses "__proto__" keys, which zod would drop silently', () => {
    const graph = JSON.parse('{"nodes":[{"id":"finish","type":"END","data":{"outputs":{"__proto__":{"x":1}}}}],"edges":[]}') as unknown;
    expectProblem(parseProblems(graph), 'finish', '"__proto__" cannot be used as a name', 'data.outputs.__proto__');
  });

  it('says which required fields are missing', () => {
    const graph = raw(mainGraph());
    rawNode(graph, 3).data = {};
    delete graph.edges[0]!.target;
    const problems = parseProblems(graph);
    expectProblem(problems, 'report', 'data.template: is required', 'data.template');
    expectProblem(problems, undefined, 'edges[0].target: is required', 'edges[0].target');
  });

  it('refuses node ids used twice, sub-graphs included', () => {
    const graph = raw(iterationGraph());
    (rawNode(graph, 1).data.nodes as Record<string, unknown>[])[0]!.id = 'done';
    expectProblem(parseProblems(graph), 'done', 'used by another node', 'id');
  });

  it('refuses edges with bad handles and non-objects', () => {
    const graph = raw(mainGraph());
    graph.edges[2]!.sourceHandle = 'not a handle';
    expectProblem(parseProblems(graph), undefined, 'must be 1 to 64 letters', 'edges[2].sourceHandle');
    expectProblem(parseProblems('graph'), undefined, 'expected object');
  });

  it('formats WorkflowInvalidError from its problems', () => {
    const one = new WorkflowInvalidError([{ nodeId: 'weather', field: 'data.toolId', message: 'unknown tool "x"' }]);
    expect(one.code).toBe('WORKFLOW_INVALID');
    expect(one.message).toBe('Node "weather": unknown tool "x"');
    expect(one.details).toEqual({ problems: [{ nodeId: 'weather', field: 'data.toolId', message: 'unknown tool "x"' }] });
    const three = new WorkflowInvalidError([{ message: 'The graph needs a START node' }, { nodeId: 'a', message: 'x' }, { nodeId: 'b', message: 'y' }]);
    expect(three.message).toBe('The graph needs a START node (and 2 more problems)');
  });
});

// ---------------------------------------------------------------------------------------
// checkGraph
// ---------------------------------------------------------------------------------------

describe('checkGraph', () => {
  it('accepts the valid graphs', () => {
    expect(() => checkGraph(mainGraph(), catalog)).not.toThrow();
    expect(() => checkGraph(iterationGraph(), catalog)).not.toThrow();
  });

  it('needs exactly one START and an END at the top level', () => {
    const noStart = mainGraph();
    noStart.nodes.shift();
    noStart.edges.shift();
    expectProblem(checkProblems(noStart), undefined, 'needs a START node');

    const twoStarts = mainGraph();
    twoStarts.nodes.push({ id: 'again', type: 'START', data: { inputs: [] } });
    expectProblem(checkProblems(twoStarts), 'again', 'exactly one START');

    const noEnd = mainGraph();
    noEnd.nodes.pop();
    noEnd.edges.pop();
    expectProblem(checkProblems(noEnd), undefined, 'needs at least one END node');
  });

  it('refuses START and END inside an ITERATION', () => {
    const graph = iterationGraph();
    const each = nodeIn(graph, 'each', 'ITERATION');
    each.data.nodes.push({ id: 'innerStart', type: 'START', data: { inputs: [] } }, { id: 'innerEnd', type: 'END', data: { outputs: {} } });
    each.data.edges.push({ source: 'innerStart', target: 'lookup' }, { source: 'line', target: 'innerEnd' });
    const problems = checkProblems(graph);
    expectProblem(problems, 'innerStart', 'not inside ITERATION "each"');
    expectProblem(problems, 'innerEnd', 'not inside ITERATION "each"');
  });

  it('refuses edges to unknown nodes or across graph levels', () => {
    const graph = iterationGraph();
    graph.edges.push({ source: 'each', target: 'nowhere' }, { source: 'start', target: 'line' });
    nodeIn(graph, 'each', 'ITERATION').data.edges.push({ source: 'ghost', target: 'phantom' });
    const problems = checkProblems(graph);
    expectProblem(problems, 'each', 'target "nowhere" does not exist');
    expectProblem(problems, 'start', 'target "line" is in another graph level');
    expectProblem(problems, 'each', 'source "ghost" does not exist', 'data.edges[1]');
  });

  it('needs IF_ELSE handles and refuses them elsewhere', () => {
    const graph = mainGraph();
    graph.edges[2] = { source: 'check', target: 'report' };
    graph.edges[3] = { source: 'check', target: 'moderate', sourceHandle: 'rainy' };
    graph.edges[0] = { source: 'start', target: 'weather', sourceHandle: 'sunny' };
    const problems = checkProblems(graph);
    expectProblem(problems, 'check', 'an IF_ELSE edge needs a sourceHandle, one of "sunny", "else"');
    expect(problems.filter((problem) => problem.nodeId === 'check' && problem.message.includes('needs a sourceHandle'))).toHaveLength(2);
    expectProblem(problems, 'start', 'only IF_ELSE edges have a sourceHandle');
  });

  it('refuses duplicate edges', () => {
    const graph = mainGraph();
    graph.edges.push({ source: 'pick', target: 'finish' });
    expectProblem(checkProblems(graph), 'pick', 'the same edge appears twice');
  });

  it('refuses cycles, naming a node on the cycle', () => {
    const graph = mainGraph();
    graph.edges.push({ source: 'pick', target: 'weather' });
    expectProblem(checkProblems(graph), 'weather', 'is part of a cycle: "weather" → "check" → "report" → "pick" → "weather"');

    const inner = iterationGraph();
    nodeIn(inner, 'each', 'ITERATION').data.edges.push({ source: 'line', target: 'lookup' });
    const problems = checkProblems(inner);
    expectProblem(problems, 'lookup', 'is part of a cycle');
    // With no entry node left, the sub-graph's nodes cannot be reached either.
    expectProblem(problems, 'line', 'is not reachable from the sub-graph');
  });

  it('refuses nodes START does not reach, ENDs included', () => {
    const graph = mainGraph();
    graph.nodes.push({ id: 'orphan', type: 'TEMPLATE', data: { template: 'alone' } }, { id: 'otherEnd', type: 'END', data: { outputs: {} } });
    graph.edges.push({ source: 'orphan', target: 'otherEnd' });
    const problems = checkProblems(graph);
    expectProblem(problems, 'orphan', 'is not reachable from START');
    expectProblem(problems, 'otherEnd', 'is not reachable from START');
  });

  it('refuses edges into START and out of END', () => {
    const graph = mainGraph();
    graph.edges.push({ source: 'finish', target: 'start' });
    const problems = checkProblems(graph);
    expectProblem(problems, 'start', 'START cannot have incoming edges');
    expectProblem(problems, 'finish', 'END cannot have outgoing edges');
  });

  it('only lets nodes refer to variables of nodes that run before them', () => {
    const graph = mainGraph();
    nodeIn(graph, 'report', 'TEMPLATE').data.template = '{{ moderate.output }} {{ nobody.text }} {% for x in weather.files %}{{ x.name }}{% endfor %}';
    nodeIn(graph, 'finish', 'END').data.outputs = { a: '{{ghost.value}}', b: '{{weather.temperature}}', c: 'text {{ finish.x }}', d: '{{ sys.user_id }}' };
    const problems = checkProblems(graph);
    // A sibling branch does not run before.
    expectProblem(problems, 'report', 'refers to "moderate.output", but node "moderate" does not run before this one', 'data.template');
    // Unknown first parts in Liquid may be loop variables: not reported there.
    expect(problems.some((problem) => problem.message.includes('nobody') || problem.message.includes('"x.name"'))).toBe(false);
    expectProblem(problems, 'finish', 'there is no node "ghost"', 'data.outputs.a');
    expectProblem(problems, 'finish', '"weather" has no variable "temperature" here (it has "text", "json", "files")', 'data.outputs.b');
    expectProblem(problems, 'finish', 'a node cannot use its own outputs', 'data.outputs.c');
    expect(problems.some((problem) => problem.field === 'data.outputs.d')).toBe(false);
  });

  it('scopes ITERATION sub-graphs: item and index inside, output outside', () => {
    const graph = iterationGraph();
    nodeIn(graph, 'line', 'TEMPLATE').data.template = '{{ each.output }}';
    nodeIn(graph, 'done', 'END').data.outputs = { inner: '{{ lookup.text }}', index: '{{ each.index }}' };
    nodeIn(graph, 'each', 'ITERATION').data.output = 'done.lines';
    const problems = checkProblems(graph);
    expectProblem(problems, 'line', '"each" has no variable "output" here (it has "item", "index")');
    expectProblem(problems, 'done', '"lookup" is inside the sub-graph of ITERATION "each"', 'data.outputs.inner');
    expectProblem(problems, 'done', '"each" has no variable "index" here (it has "output")', 'data.outputs.index');
    expectProblem(problems, 'each', 'output must be a variable of a node in this ITERATION\'s sub-graph', 'data.output');
  });

  it('checks ITERATION items and output variables', () => {
    const graph = iterationGraph();
    const each = nodeIn(graph, 'each', 'ITERATION');
    each.data.items = 'start.prefix';
    each.data.output = 'line.text';
    const problems = checkProblems(graph);
    expectProblem(problems, 'each', 'items must be an array variable, but "start.prefix" is a string', 'data.items');
    expectProblem(problems, 'each', '"line" has no variable "text"', 'data.output');
  });

  it('checks sub-graphs recursively', () => {
    const graph = iterationGraph();
    nodeIn(graph, 'lookup', 'TOOL').data.toolId = 'builtin/missing';
    expectProblem(checkProblems(graph), 'lookup', 'unknown tool "builtin/missing"', 'data.toolId');
  });

  it('checks TEMPLATE syntax with the same Liquid rules as rendering', () => {
    const graph = mainGraph();
    nodeIn(graph, 'report', 'TEMPLATE').data.template = '{% include "secrets" %}';
    expectProblem(checkProblems(graph), 'report', 'The "include" tag is not available', 'data.template');
    nodeIn(graph, 'report', 'TEMPLATE').data.template = '{{ start.city | shout }}';
    expectProblem(checkProblems(graph), 'report', 'shout', 'data.template');
  });

  it('warns when a TEMPLATE refers to a node whose id Liquid reads as a keyword', () => {
    const graph = mainGraph();
    nodeIn(graph, 'weather', 'TOOL').id = 'empty';
    for (const edge of graph.edges) {
      if (edge.source === 'weather') edge.source = 'empty';
      if (edge.target === 'weather') edge.target = 'empty';
    }
    nodeIn(graph, 'check', 'IF_ELSE').data.cases[0]!.conditions = [{ variable: 'empty.text', operator: 'is_not_empty' }];
    nodeIn(graph, 'moderate', 'EXTENSION').data.input = { text: '{{ empty.text }}' };
    nodeIn(graph, 'finish', 'END').data.outputs = {};
    nodeIn(graph, 'report', 'TEMPLATE').data.template = 'It is {{ empty.text }}';
    const problems = checkProblems(graph);
    expectProblem(problems, 'report', 'Liquid reads "empty" as a keyword', 'data.template');
    expect(problems).toHaveLength(1);
    // Mappings are not Liquid: the same reference works there.
    nodeIn(graph, 'report', 'TEMPLATE').data.template = 'It is sunny';
    expect(() => checkGraph(graph, catalog)).not.toThrow();
  });

  it('checks TOOL nodes against the tool definition', () => {
    const graph = mainGraph();
    nodeIn(graph, 'weather', 'TOOL').data.parameters = {
      colour: 'red',
      days: 'in {{start.days}} days',
      units: 'kelvin',
      verbose: 'yes',
      attachment: '{{start.city}}',
      filters: [1],
      tags: '{{ start.days }}',
    };
    const problems = checkProblems(graph);
    expectProblem(problems, 'weather', 'required parameter "city" is not mapped', 'data.parameters.city');
    expect(problems.some((problem) => problem.field === 'data.parameters.lang')).toBe(false);
    expectProblem(problems, 'weather', 'the tool has no parameter "colour"', 'data.parameters.colour');
    expectProblem(problems, 'weather', 'expects INTEGER, but a text template gives a string', 'data.parameters.days');
    expectProblem(problems, 'weather', 'must be one of "metric", "imperial"', 'data.parameters.units');
    expectProblem(problems, 'weather', 'expects BOOLEAN, but the value is a string', 'data.parameters.verbose');
    expectProblem(problems, 'weather', 'expects FILE, but "{{start.city}}" is a string', 'data.parameters.attachment');
    expectProblem(problems, 'weather', 'expects OBJECT, but the value is an array', 'data.parameters.filters');
    expectProblem(problems, 'weather', 'expects ARRAY, but "{{ start.days }}" is a number', 'data.parameters.tags');
  });

  it('accepts fitting TOOL values: exact references keep their type, any fits all', () => {
    const graph = mainGraph();
    nodeIn(graph, 'weather', 'TOOL').data.parameters = {
      city: 'Paris',
      days: 2,
      units: 'imperial',
      verbose: false,
      attachment: 'file_123',
      filters: { min: '{{start.days}}' },
      tags: '{{ sys.run_id }}x',
    };
    expectProblem(checkProblems(graph), 'weather', 'expects ARRAY, but a text template gives a string', 'data.parameters.tags');
    nodeIn(graph, 'weather', 'TOOL').data.parameters.tags = ['a', '{{start.city}}'];
    expect(() => checkGraph(graph, catalog)).not.toThrow();
    nodeIn(graph, 'weather', 'TOOL').data.parameters.days = 2.5;
    expectProblem(checkProblems(graph), 'weather', 'has a fraction', 'data.parameters.days');
    nodeIn(graph, 'weather', 'TOOL').data.parameters.days = null;
    expectProblem(checkProblems(graph), 'weather', 'must not be null', 'data.parameters.days');
  });

  it('checks EXTENSION ids and points, and their output variables', () => {
    const graph = mainGraph();
    const moderate = nodeIn(graph, 'moderate', 'EXTENSION');
    moderate.data.extensionId = 'unknown';
    expectProblem(checkProblems(graph), 'moderate', 'unknown or disabled extension "unknown"', 'data.extensionId');

    moderate.data.extensionId = 'lookup';
    const problems = checkProblems(graph);
    expectProblem(problems, 'moderate', 'the extension has 2 points', 'data.point');
    // Without a point the extension offers only `output`: the aggregator's `moderate.action` is unknown.
    expectProblem(problems, 'pick', '"moderate" has no variable "action"');

    moderate.data.point = 'app.moderation.input';
    expectProblem(checkProblems(graph), 'moderate', 'the extension has no point "app.moderation.input"', 'data.point');

    moderate.data.point = 'app.moderation.output';
    expect(() => checkGraph(graph, catalog)).not.toThrow();
  });

  it('checks IF_ELSE operators against variable types', () => {
    const graph = mainGraph();
    const conditions: Condition[] = [
      { variable: 'weather.text', operator: 'greater_than', value: 3 },
      { variable: 'start.days', operator: 'is_true' },
      { variable: 'start.days', operator: 'less_than', value: 'soon' },
      { variable: 'weather.json', operator: 'is_false' },
      { variable: 'start.days', operator: 'equals', value: '{{ weather.nothing }}' },
      { variable: 'start.days', operator: 'less_or_equal', value: '10' },
    ];
    nodeIn(graph, 'check', 'IF_ELSE').data.cases[0]!.conditions = conditions;
    const problems = checkProblems(graph);
    expectProblem(problems, 'check', 'greater_than compares numbers, but "weather.text" is a string', 'data.cases[0].conditions[0].variable');
    expectProblem(problems, 'check', 'is_true tests a boolean, but "start.days" is a number', 'data.cases[0].conditions[1].variable');
    expectProblem(problems, 'check', 'less_than needs a number to compare with', 'data.cases[0].conditions[2].value');
    expectProblem(problems, 'check', '"weather" has no variable "nothing"', 'data.cases[0].conditions[4].value');
    expect(problems.some((problem) => problem.field?.startsWith('data.cases[0].conditions[3]'))).toBe(false);
    expect(problems.some((problem) => problem.field?.startsWith('data.cases[0].conditions[5]'))).toBe(false);
    expect(problems).toHaveLength(4);
  });

  it('checks VARIABLE_AGGREGATOR types', () => {
    const graph = mainGraph();
    nodeIn(graph, 'pick', 'VARIABLE_AGGREGATOR').data.variables = ['report.output', 'start.days', 'weather.json'];
    const problems = checkProblems(graph);
    expectProblem(problems, 'pick', '"start.days" is a number, but the aggregator\'s type is string', 'data.variables[1]');
    expect(problems).toHaveLength(1);
  });

  it('checks CODE for a main function and HTTP URLs', () => {
    const graph = mainGraph();
    graph.nodes.splice(
      2,
      0,
      { id: 'code', type: 'CODE', data: { code: 'function run(inputs) { return {}; }', inputs: { city: '{{start.city}}' }, outputs: { n: 'number' } } },
      { id: 'call', type: 'HTTP_REQUEST', data: { method: 'GET', url: 'ftp://{{start.city}}/x', query: { q: '{{code.n}}' } } },
    );
    graph.edges[1] = { source: 'weather', target: 'code' };
    graph.edges.push({ source: 'code', target: 'call' }, { source: 'call', target: 'check' });
    const problems = checkProblems(graph);
    expectProblem(problems, 'code', 'must define function main', 'data.code');
    expectProblem(problems, 'call', 'must be an absolute http(s) URL', 'data.url');
    expect(problems).toHaveLength(2);

    nodeIn(graph, 'code', 'CODE').data.code = 'async function main(inputs) { return { n: 1 }; }';
    nodeIn(graph, 'call', 'HTTP_REQUEST').data.url = 'https://{{start.city}}.example.com/{{ code.n }}';
    expect(() => checkGraph(graph, catalog)).not.toThrow();
    nodeIn(graph, 'call', 'HTTP_REQUEST').data.url = 'not a url';
    expectProblem(checkProblems(graph), 'call', 'must be an absolute http(s) URL');
  });

  it('lists every problem, graph-wide first, then in node order', () => {
    const graph = mainGraph();
    graph.nodes.pop(); // no END
    graph.edges.pop();
    nodeIn(graph, 'pick', 'VARIABLE_AGGREGATOR').data.variables = ['ghost.output'];
    nodeIn(graph, 'weather', 'TOOL').data.toolId = 'builtin/nothing';
    const error = (() => {
      try {
        checkGraph(graph, catalog);
      } catch (thrown) {
        return thrown as WorkflowInvalidError;
      }
      throw new Error('expected a WorkflowInvalidError');
    })();
    expect(error.problems.map((problem) => problem.nodeId)).toEqual([undefined, 'weather', 'pick']);
    expect(error.message).toBe('The graph needs at least one END node (and 2 more problems)');
  });
});

// ---------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------

describe('outputVariables', () => {
  const graph = mainGraph();
  it('derives each node type\'s variables', () => {
    expect(outputVariables(nodeIn(graph, 'start', 'START'), catalog)).toEqual({ city: 'string', days: 'number', units: 'string' });
    expect(outputVariables(nodeIn(graph, 'weather', 'TOOL'), catalog)).toEqual({ text: 'string', json: 'any', files: 'array' });
    expect(outputVariables(nodeIn(graph, 'check', 'IF_ELSE'), catalog)).toEqual({ branch: 'string' });
    expect(outputVariables(nodeIn(graph, 'report', 'TEMPLATE'), catalog)).toEqual({ output: 'string' });
    expect(outputVariables(nodeIn(graph, 'pick', 'VARIABLE_AGGREGATOR'), catalog)).toEqual({ output: 'string' });
    expect(outputVariables(nodeIn(graph, 'finish', 'END'), catalog)).toEqual({});
    expect(outputVariables({ id: 'a', type: 'VARIABLE_AGGREGATOR', data: { variables: ['x.y'] } }, catalog)).toEqual({ output: 'any' });
    expect(outputVariables({ id: 'h', type: 'HTTP_REQUEST', data: { method: 'GET', url: 'https://x' } }, catalog)).toEqual({
      status_code: 'number',
      body: 'string',
      headers: 'object',
      json: 'any',
    });
    expect(outputVariables({ id: 'c', type: 'CODE', data: { code: 'main', inputs: {}, outputs: { n: 'number', f: 'file' } } }, catalog)).toEqual({ n: 'number', f: 'file' });
    expect(outputVariables(nodeIn(iterationGraph(), 'each', 'ITERATION'), catalog)).toEqual({ output: 'array' });
    const start: StartNode = { id: 's', type: 'START', data: { inputs: [{ name: 'f', type: 'FILE', required: true }, { name: 'j', type: 'JSON', required: true }, { name: 'p', type: 'PARAGRAPH', required: true }] } };
    expect(outputVariables(start, catalog)).toEqual({ f: 'file', j: 'any', p: 'string' });
    expect(SYSTEM_VARIABLES).toEqual({ run_id: 'string', app_id: 'string', workspace_id: 'string', user_id: 'string' });
  });

  it('adds the point-specific variables of extensions', () => {
    const extension = (extensionId: string, point?: string): WorkflowNode => ({ id: 'e', type: 'EXTENSION', data: { extensionId, input: {}, ...(point ? { point } : {}) } });
    expect(outputVariables(extension('moderator'), catalog)).toEqual({ output: 'object', flagged: 'boolean', action: 'string' });
    expect(outputVariables(extension('lookup', 'app.external_data_tool.query'), catalog)).toEqual({ output: 'object', result: 'string' });
    expect(outputVariables(extension('lookup', 'app.moderation.output'), catalog)).toEqual({ output: 'object', flagged: 'boolean', action: 'string' });
    expect(outputVariables(extension('lookup'), catalog)).toEqual({ output: 'object' });
  });
});

describe('references', () => {
  it('finds selectors in templates, with or without filters', () => {
    expect(templateReferences('Hi {{ start.name }}, {{start.city|upcase}} {{- weather.text | truncate: 3 -}} {{ start.name }} {{ plain }} {% if a.b %}')).toEqual([
      'start.name',
      'start.city',
      'weather.text',
    ]);
    expect(templateReferences('{% for x in start.list %}{{ x.name }}{% endfor %}')).toEqual(['x.name']);
  });

  it('walks mappings', () => {
    expect(mappingReferences({ a: '{{ start.a }}', b: ['x {{tool.text}}', { c: '{{ start.a }}' }], d: 5, e: null })).toEqual(['start.a', 'tool.text']);
    expect(mappingReferences(42)).toEqual([]);
  });

  it('recognises exact references only', () => {
    expect(exactReference('{{start.count}}')).toBe('start.count');
    expect(exactReference('{{  start.count  }}')).toBe('start.count');
    expect(exactReference('{{ start.count | plus: 1 }}')).toBeNull();
    expect(exactReference(' {{start.count}}')).toBeNull();
    expect(exactReference('{{start.count}}{{start.count}}')).toBeNull();
    expect(exactReference(5)).toBeNull();
  });
});

describe('resolveMapping and MapVariablePool', () => {
  const pool = new MapVariablePool({
    start: { city: 'Paris', count: 3, flag: true, nothing: null, data: { a: [1, 2] } },
    sys: { run_id: 'run-1' },
  });

  it('keeps the type of exact references and renders other strings as text', () => {
    expect(resolveMapping('{{ start.count }}', pool)).toBe(3);
    expect(resolveMapping('{{start.data}}', pool)).toEqual({ a: [1, 2] });
    expect(resolveMapping('{{start.flag}}', pool)).toBe(true);
    expect(resolveMapping('{{start.missing}}', pool)).toBeUndefined();
    expect(resolveMapping('{{start.city}} x{{start.count}} {{start.flag}} [{{start.nothing}}][{{start.missing}}] {{ start.data }}', pool)).toBe(
      'Paris x3 true [][] {"a":[1,2]}',
    );
    // Filters are a TEMPLATE node feature: a mapping leaves such text alone.
    expect(resolveMapping('{{ start.city | upcase }}', pool)).toBe('{{ start.city | upcase }}');
  });

  it('maps objects and arrays member by member and passes literals', () => {
    expect(resolveMapping({ city: '{{start.city}}', list: ['{{start.count}}', 'n={{start.count}}', 7], deep: { run: '{{sys.run_id}}' }, off: false, none: null }, pool)).toEqual({
      city: 'Paris',
      list: [3, 'n=3', 7],
      deep: { run: 'run-1' },
      off: false,
      none: null,
    });
    expect(resolveMapping(12.5, pool)).toBe(12.5);
  });

  it('gives iterations a child scope over the parent', () => {
    const child = pool.child();
    child.set('each', { item: 'Lyon', index: 0 });
    expect(child.get('each.item')).toBe('Lyon');
    expect(child.get('start.city')).toBe('Paris');
    expect(child.has('start.count')).toBe(true);
    expect(child.has('start.other')).toBe(false);
    expect(pool.has('each.item')).toBe(false);
    const snapshot = child.snapshot();
    expect(snapshot.each).toEqual({ item: 'Lyon', index: 0 });
    expect(snapshot.start?.city).toBe('Paris');
    // Inherited object members are not variables.
    expect(pool.has('start.constructor')).toBe(false);
  });
});

describe('renderLiquid', () => {
  const pool = new MapVariablePool({ start: { city: 'paris', days: [1, 2, 3] }, weather: { json: { temp: 21 } } });

  it('renders node outputs with filters, loops and conditions', () => {
    expect(renderLiquid('{{ start.city | upcase }}: {% for d in start.days %}{{ d }}{% endfor %} {% if weather.json.temp > 20 %}warm{% endif %}', pool)).toBe(
      'PARIS: 123 warm',
    );
    const child = pool.child();
    child.set('each', { item: 'x', index: 4 });
    expect(renderLiquid('{{ each.index }}{{ each.item }} {{ start.city }} {{ nobody.knows }}.', child)).toBe('4x paris .');
  });

  it('refuses templates loading other templates, unknown filters and bad syntax with a ValidationError', () => {
    for (const template of ['{% include "x" %}', '{% render "x" %}', '{% layout "x" %}', '{{ start.city | shout }}', '{% if start.city %}open']) {
      let thrown: unknown;
      try {
        renderLiquid(template, pool);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, template).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).message).toMatch(/Template error|not available/);
    }
  });

  it('stops renders that take too long or build huge values', () => {
    const slow = '{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}';
    const startedAt = Date.now();
    expect(() => renderLiquid(slow, pool)).toThrow(/took longer than 1000 ms/);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    // Each step doubles the string: liquidjs' memory budget stops it.
    const huge = '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}';
    expect(() => renderLiquid(huge, pool)).toThrow(/memory alloc limit exceeded/);
  });
});

// ---------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------

describe('chooseBranch', () => {
  const pool = new MapVariablePool({
    s: { text: 'Hello world', num: 5, numText: '5.0', list: ['a', 'b', 3], empty: '', none: null, obj: { a: 1 }, emptyObj: {}, emptyList: [], yes: true, no: false, limit: 4 },
  });
  const branchFor = (...conditions: Condition[]): string => {
    const node: IfElseNode = { id: 'check', type: 'IF_ELSE', data: { cases: [{ id: 'hit', logicalOperator: 'and', conditions }] } };
    return chooseBranch(node, pool);
  };
  const holds = (condition: Condition): boolean => branchFor(condition) === 'hit';

  it('compares text', () => {
    expect(holds({ variable: 's.text', operator: 'contains', value: 'world' })).toBe(true);
    expect(holds({ variable: 's.text', operator: 'contains', value: 'World' })).toBe(false);
    expect(holds({ variable: 's.text', operator: 'not_contains', value: 'moon' })).toBe(true);
    expect(holds({ variable: 's.text', operator: 'starts_with', value: 'Hello' })).toBe(true);
    expect(holds({ variable: 's.text', operator: 'ends_with', value: 'Hello' })).toBe(false);
    expect(holds({ variable: 's.num', operator: 'starts_with', value: '5' })).toBe(false);
  });

  it('looks into arrays with contains', () => {
    expect(holds({ variable: 's.list', operator: 'contains', value: 'b' })).toBe(true);
    expect(holds({ variable: 's.list', operator: 'contains', value: 3 })).toBe(true);
    expect(holds({ variable: 's.list', operator: 'contains', value: 'c' })).toBe(false);
    expect(holds({ variable: 's.list', operator: 'not_contains', value: 'c' })).toBe(true);
  });

  it('compares numbers numerically and everything else as text', () => {
    expect(holds({ variable: 's.num', operator: 'equals', value: '5' })).toBe(true);
    expect(holds({ variable: 's.numText', operator: 'equals', value: 5 })).toBe(true);
    expect(holds({ variable: 's.num', operator: 'not_equals', value: 6 })).toBe(true);
    expect(holds({ variable: 's.text', operator: 'equals', value: 'Hello world' })).toBe(true);
    expect(holds({ variable: 's.obj', operator: 'equals', value: { a: 1 } })).toBe(true);
    expect(holds({ variable: 's.yes', operator: 'equals', value: 'true' })).toBe(true);
    expect(holds({ variable: 's.none', operator: 'equals', value: 'null' })).toBe(false);
    expect(holds({ variable: 's.num', operator: 'equals', value: '{{ s.numText }}' })).toBe(true);
  });

  it('tests emptiness', () => {
    for (const variable of ['s.empty', 's.none', 's.emptyObj', 's.emptyList', 's.missing']) {
      expect(holds({ variable, operator: 'is_empty' }), variable).toBe(true);
    }
    for (const variable of ['s.text', 's.num', 's.list', 's.obj', 's.no']) {
      expect(holds({ variable, operator: 'is_not_empty' }), variable).toBe(true);
    }
  });

  it('orders numbers, numeric text included, and nothing else', () => {
    expect(holds({ variable: 's.num', operator: 'greater_than', value: '{{ s.limit }}' })).toBe(true);
    expect(holds({ variable: 's.numText', operator: 'greater_or_equal', value: 5 })).toBe(true);
    expect(holds({ variable: 's.num', operator: 'less_than', value: 5 })).toBe(false);
    expect(holds({ variable: 's.num', operator: 'less_or_equal', value: '5' })).toBe(true);
    expect(holds({ variable: 's.text', operator: 'greater_than', value: 0 })).toBe(false);
    expect(holds({ variable: 's.text', operator: 'less_than', value: 0 })).toBe(false);
  });

  it('tests booleans strictly', () => {
    expect(holds({ variable: 's.yes', operator: 'is_true' })).toBe(true);
    expect(holds({ variable: 's.no', operator: 'is_false' })).toBe(true);
    expect(holds({ variable: 's.num', operator: 'is_true' })).toBe(false);
    expect(holds({ variable: 's.missing', operator: 'is_false' })).toBe(false);
  });

  it('takes the first matching case, combining conditions with and/or, else `else`', () => {
    const node: IfElseNode = {
      id: 'check',
      type: 'IF_ELSE',
      data: {
        cases: [
          { id: 'both', logicalOperator: 'and', conditions: [{ variable: 's.yes', operator: 'is_true' }, { variable: 's.num', operator: 'greater_than', value: 10 }] },
          { id: 'either', logicalOperator: 'or', conditions: [{ variable: 's.no', operator: 'is_true' }, { variable: 's.num', operator: 'equals', value: 5 }] },
          { id: 'later', logicalOperator: 'and', conditions: [{ variable: 's.yes', operator: 'is_true' }] },
        ],
      },
    };
    expect(chooseBranch(node, pool)).toBe('either');
    node.data.cases.splice(1, 2);
    expect(chooseBranch(node, pool)).toBe('else');
  });
});

// ---------------------------------------------------------------------------------------
// Run inputs
// ---------------------------------------------------------------------------------------

describe('checkStartInputs', () => {
  const start: StartNode = {
    id: 'start',
    type: 'START',
    data: {
      inputs: [
        { name: 'city', type: 'TEXT', required: true },
        { name: 'notes', type: 'PARAGRAPH', required: false, maxLength: 20 },
        { name: 'days', type: 'NUMBER', required: false, default: 3 },
        { name: 'units', type: 'SELECT', required: false, options: ['metric', 'imperial'], default: 'metric' },
        { name: 'photo', type: 'FILE', required: false },
        { name: 'extra', type: 'JSON', required: false },
      ],
    },
  };

  function inputError(inputs: unknown): ValidationError {
    let thrown: unknown;
    try {
      checkStartInputs(start, inputs);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    return thrown as ValidationError;
  }

  it('fills defaults and normalises files', () => {
    expect(checkStartInputs(start, { city: 'Paris' })).toEqual({ city: 'Paris', days: 3, units: 'metric' });
    expect(checkStartInputs(start, { city: 'Paris', notes: 'a\nb', days: 0, units: 'imperial', photo: 'file_1', extra: { a: [1, null] } })).toEqual({
      city: 'Paris',
      notes: 'a\nb',
      days: 0,
      units: 'imperial',
      photo: { fileId: 'file_1' },
      extra: { a: [1, null] },
    });
    expect(checkStartInputs(start, { city: 'Paris', photo: { fileId: 'file_2' }, days: null }).photo).toEqual({ fileId: 'file_2' });
    expect(checkStartInputs(start, { city: 'Paris', days: null }).days).toBe(3);
  });

  it('refuses missing, unknown and mistyped inputs, naming the field', () => {
    const cases: [unknown, string, string][] = [
      [{}, 'inputs.city', 'Input "city" is required'],
      [{ city: '' }, 'inputs.city', 'Input "city" is required'],
      [{ city: 'Paris', country: 'FR' }, 'inputs.country', 'Unknown input "country"'],
      [{ city: 5 }, 'inputs.city', 'must be text'],
      [{ city: 'a\nb' }, 'inputs.city', 'must be one line'],
      [{ city: 'x'.repeat(257) }, 'inputs.city', 'at most 256 characters'],
      [{ city: 'Paris', notes: 'x'.repeat(21) }, 'inputs.notes', 'at most 20 characters'],
      [{ city: 'Paris', days: '3' }, 'inputs.days', 'must be a finite number'],
      [{ city: 'Paris', days: Number.POSITIVE_INFINITY }, 'inputs.days', 'must be a finite number'],
      [{ city: 'Paris', units: 'kelvin' }, 'inputs.units', 'must be one of "metric", "imperial"'],
      [{ city: 'Paris', photo: { id: 'f' } }, 'inputs.photo', 'must be a file'],
      [{ city: 'Paris', photo: 7 }, 'inputs.photo', 'must be a file'],
      [{ city: 'Paris', extra: { when: new Date() } }, 'inputs.extra', 'must be a JSON value'],
    ];
    for (const [inputs, field, message] of cases) {
      const error = inputError(inputs);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details?.field, JSON.stringify(inputs)).toBe(field);
      expect(error.message).toContain(message);
    }
    expect(inputError(['Paris']).details?.field).toBe('inputs');
  });
});

describe('value mappings', () => {
  it('refuses filters and expressions outside TEMPLATE nodes, naming the node and field', () => {
    const graph = parseGraph({
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'city', type: 'TEXT', required: true }] } },
        { id: 'end', type: 'END', data: { outputs: { shout: 'Hi {{ start.city | upcase }}', plain: 'Hi {{start.city}}' } } },
      ],
      edges: [{ source: 'start', target: 'end' }],
    });
    let thrown: unknown;
    try {
      checkGraph(graph, { tools: new Map(), extensions: new Map() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkflowInvalidError);
    const problems = (thrown as WorkflowInvalidError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: 'end', field: 'data.outputs.shout' });
    expect(problems[0]!.message).toContain('TEMPLATE');
  });
});
