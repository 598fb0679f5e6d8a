import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { MAX_ELEMENTS } from './math-engine.js';
import { mathSandbox, type MathSandbox } from './math-sandbox.js';
import { invalid, optionalObject, requiredString } from './parameter-values.js';

const MAX_EXPRESSION_LENGTH = 1000;
const MAX_VARIABLES = 100;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function variablesOf(parameters: Record<string, unknown>): Record<string, number> {
  const raw = optionalObject(parameters, 'variables') ?? {};
  const entries = Object.entries(raw);
  if (entries.length > MAX_VARIABLES) throw invalid('variables', `At most ${MAX_VARIABLES} variables are allowed`);
  const variables: Record<string, number> = {};
  for (const [name, value] of entries) {
    if (!VARIABLE_NAME.test(name)) throw invalid('variables', `"${name.slice(0, 64)}" is not a valid variable name (letters, digits and _, not starting with a digit)`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('variables', `Variable "${name}" must be a finite number`);
    variables[name] = value;
  }
  return variables;
}

function precisionOf(parameters: Record<string, unknown>): number | undefined {
  const value = parameters.precision;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw invalid('precision', 'Parameter "precision" must be an integer from 1 to 64');
  }
  return value;
}

export function createMathEvaluateTool(sandbox: MathSandbox = mathSandbox): Tool {
  async function* mathEvaluate(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
    const { parameters } = invocation;
    const expression = requiredString(parameters, 'expression', { maxLength: MAX_EXPRESSION_LENGTH, nonEmpty: true });
    const job = { expression, variables: variablesOf(parameters), precision: precisionOf(parameters) };
    const { text, result } = await sandbox.evaluate(job, invocation.signal);
    yield { type: 'TEXT', text };
    yield { type: 'JSON', json: { result } };
  }

  return {
    definition: {
      name: 'math_evaluate',
      description:
        'Evaluates a math expression with mathjs (https://mathjs.org/docs/expressions/syntax.html) and returns the result ' +
        'as TEXT and as JSON { result }. Supports arithmetic, functions (sqrt, sin, log, round, mean, std…), constants (pi, e), ' +
        'matrices ([1, 2; 3, 4] * 2), complex numbers, units ("5 cm + 2 inch", "90 km/h to m/s") and several statements ' +
        `separated by ";" (a = 2; a ^ 10). Defining functions is not allowed; matrices are limited to ${MAX_ELEMENTS} elements. ` +
        'Matrices come back as nested arrays, complex numbers as { re, im }, units and big numbers as text.',
      parameters: [
        {
          name: 'expression',
          type: 'STRING',
          required: true,
          description: 'The expression, e.g. "sqrt(3^2 + 4^2)", "2 * r * pi", "det([1, 2; 3, 4])" or "12 inch to cm".',
          schema: { type: 'string', minLength: 1, maxLength: MAX_EXPRESSION_LENGTH },
        },
        {
          name: 'variables',
          type: 'OBJECT',
          required: false,
          description: 'Numbers the expression can refer to by name, e.g. {"r": 2.5, "n": 10}.',
          schema: {
            type: 'object',
            maxProperties: MAX_VARIABLES,
            propertyNames: { pattern: VARIABLE_NAME.source },
            additionalProperties: { type: 'number' },
          },
        },
        {
          name: 'precision',
          type: 'INTEGER',
          required: false,
          description:
            'Significant digits to round the result to, in both TEXT and JSON. Without it the text shows 14 significant digits ' +
            '(hiding floating-point noise such as 0.1 + 0.2 = 0.30000000000000004) and the JSON keeps full precision.',
          schema: { type: 'integer', minimum: 1, maximum: 64 },
        },
      ],
    },
    invoke: mathEvaluate,
  };
}

export const mathEvaluateTool: Tool = createMathEvaluateTool();
