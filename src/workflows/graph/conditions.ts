/**
 * IF_ELSE at run time: which branch a node takes over the values of a run. Comparisons are
 * forgiving about form (numeric text compares as a number, objects by their JSON) but never
 * guess across kinds: a value that cannot be compared makes its condition false.
 */
import type { Condition, ConditionOperator, IfElseNode } from './graph.types.js';
import { resolveMapping, type VariablePool } from './variables.js';

/** A finite number, or numeric text as one; null for anything else. */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** How a value compares as text: strings as they are, objects and arrays by their JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function equals(actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null || expected === undefined || expected === null) {
    return (actual ?? null) === (expected ?? null);
  }
  const left = asNumber(actual);
  const right = asNumber(expected);
  if (left !== null && right !== null) return left === right;
  return asText(actual) === asText(expected);
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.includes(expected);
  if (typeof actual !== 'string' || expected === undefined || expected === null) return false;
  return actual.includes(asText(expected));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Numbers only (numeric text converted); anything else makes the comparison false. */
function compareNumbers(actual: unknown, expected: unknown, test: (left: number, right: number) => boolean): boolean {
  const left = asNumber(actual);
  const right = asNumber(expected);
  return left !== null && right !== null && test(left, right);
}

function textTest(actual: unknown, expected: unknown, test: (text: string, part: string) => boolean): boolean {
  return typeof actual === 'string' && expected !== undefined && expected !== null && test(actual, asText(expected));
}

const OPERATORS: Record<ConditionOperator, (actual: unknown, expected: unknown) => boolean> = {
  contains,
  not_contains: (actual, expected) => !contains(actual, expected),
  starts_with: (actual, expected) => textTest(actual, expected, (text, part) => text.startsWith(part)),
  ends_with: (actual, expected) => textTest(actual, expected, (text, part) => text.endsWith(part)),
  equals,
  not_equals: (actual, expected) => !equals(actual, expected),
  is_empty: isEmpty,
  is_not_empty: (actual) => !isEmpty(actual),
  greater_than: (actual, expected) => compareNumbers(actual, expected, (left, right) => left > right),
  less_than: (actual, expected) => compareNumbers(actual, expected, (left, right) => left < right),
  greater_or_equal: (actual, expected) => compareNumbers(actual, expected, (left, right) => left >= right),
  less_or_equal: (actual, expected) => compareNumbers(actual, expected, (left, right) => left <= right),
  is_true: (actual) => actual === true,
  is_false: (actual) => actual === false,
};

function holds(condition: Condition, pool: VariablePool): boolean {
  const actual = pool.get(condition.variable);
  const expected = condition.value === undefined ? undefined : resolveMapping(condition.value, pool);
  return OPERATORS[condition.operator](actual, expected);
}

/** The id of the first case whose conditions hold, or `else`. */
export function chooseBranch(node: IfElseNode, pool: VariablePool): string {
  const matching = node.data.cases.find((branch) =>
    branch.logicalOperator === 'and' ? branch.conditions.every((condition) => holds(condition, pool)) : branch.conditions.some((condition) => holds(condition, pool)),
  );
  return matching?.id ?? 'else';
}
