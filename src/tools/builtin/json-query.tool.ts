import jmespath from 'jmespath';
import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { jsonErrorPosition } from './json-error-position.js';
import { invalid, requiredString } from './parameter-values.js';
import { TimeLimitExceeded, withinTimeLimit } from './time-limit.js';

const MAX_JSON_LENGTH = 5_000_000;
const MAX_EXPRESSION_LENGTH = 10_000;
const MAX_RESULT_LENGTH = 1_000_000;
/** CPU time one query may take: a few characters of JMESPath can take exponential time (see below). */
const TIME_LIMIT_MS = 1000;

/**
 * Whether serializing `value` would exceed `limit` characters (roughly), found without
 * serializing it: JMESPath results share sub-trees ("[@, @] | [@, @] | …" doubles at each
 * step), so their JSON can be exponentially larger than their memory. Stops early.
 */
function exceedsJsonLength(value: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      for (const element of item as unknown[]) stack.push(element);
    } else if (typeof item === 'object' && item !== null) {
      size += 2;
      for (const [key, element] of Object.entries(item)) {
        size += key.length + 4;
        stack.push(element);
      }
    } else size += String(item).length;
    if (size > limit) return true;
  }
  return false;
}

/** The document: JSON text parsed, or a value already parsed by the caller (a direct invocation). */
function documentOf(parameters: Record<string, unknown>): unknown {
  const value = parameters.json;
  if (value === undefined || value === null) throw invalid('json', 'Missing required parameter "json"');
  if (typeof value !== 'string') return value;
  if (value.length > MAX_JSON_LENGTH) throw invalid('json', `Parameter "json" must be at most ${MAX_JSON_LENGTH} characters long`);
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    const where = jsonErrorPosition(value);
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    const at = where ? ` (line ${where.line}, column ${where.column})` : '';
    throw invalid('json', `Parameter "json" is not valid JSON${at}: ${reason.slice(0, 200)}`, where ? { ...where } : {});
  }
}

function search(document: unknown, expression: string): unknown {
  try {
    return jmespath.search(document, expression) as unknown;
  } catch (error) {
    // Lexer/parser errors, unknown functions, wrong argument types: all down to the expression.
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('expression', `Invalid JMESPath expression: ${reason.slice(0, 300)}`);
  }
}

function limited<T>(work: () => T): T {
  try {
    return withinTimeLimit(TIME_LIMIT_MS, work);
  } catch (error) {
    if (error instanceof TimeLimitExceeded) throw invalid('expression', `The query took longer than ${TIME_LIMIT_MS} ms`);
    throw error;
  }
}

async function* jsonQuery(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  const { parameters } = invocation;
  const expression = requiredString(parameters, 'expression', { maxLength: MAX_EXPRESSION_LENGTH, nonEmpty: true });
  const document = documentOf(parameters);
  invocation.signal.throwIfAborted();
  const { result, text } = limited(() => {
    const value = search(document, expression) ?? null;
    if (exceedsJsonLength(value, MAX_RESULT_LENGTH)) throw invalid('expression', `The result is larger than ${MAX_RESULT_LENGTH} characters`);
    try {
      return { result: value, text: JSON.stringify(value) };
    } catch {
      // Only a value passed in already parsed can get here (a BigInt, say).
      throw invalid('json', 'The document cannot be represented as JSON');
    }
  });
  if (text.length > MAX_RESULT_LENGTH) throw invalid('expression', `The result is larger than ${MAX_RESULT_LENGTH} characters`);
  yield { type: 'JSON', json: result };
  yield { type: 'TEXT', text };
}

export const jsonQueryTool: Tool = {
  definition: {
    name: 'json_query',
    description:
      'Extracts or reshapes data from a JSON document with a JMESPath expression (https://jmespath.org), e.g. ' +
      '"items[?price > `10`].name" or "{total: length(items), first: items[0].id}". Returns the result as a JSON message ' +
      'and as compact JSON text; a path that matches nothing gives null. The expression "@" returns the parsed document itself.',
    parameters: [
      {
        name: 'json',
        type: 'STRING',
        required: true,
        description: 'The JSON document, as JSON text.',
        schema: { type: 'string', maxLength: MAX_JSON_LENGTH },
      },
      {
        name: 'expression',
        type: 'STRING',
        required: true,
        description: 'The JMESPath expression to apply to the document, e.g. "people[?age > `30`].name | sort(@)".',
        schema: { type: 'string', minLength: 1, maxLength: MAX_EXPRESSION_LENGTH },
      },
    ],
  },
  invoke: jsonQuery,
};
