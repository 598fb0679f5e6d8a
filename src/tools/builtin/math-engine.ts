/**
 * The restricted mathjs instance behind `math_evaluate`, following
 * https://mathjs.org/docs/expressions/security.html:
 * - `import`, `createUnit`, `reviver` (which change the instance) and `evaluate`, `parse`,
 *   `simplify`, `derivative`, `resolve`… (which parse strings into new expressions) are
 *   replaced by functions that throw, and refused by name before evaluation, along with
 *   `config` and `typed` (which would change every later evaluation in the worker);
 * - function definitions (`f(x) = …`, the way to recursion), assignments to elements or
 *   properties (`a[1e9] = 1` resizes) and reassigning built-ins are refused;
 * - functions that allocate by a requested size (`ones`, `zeros`, `range`, `1:n`, `identity`,
 *   `random([…])`…) are checked before they allocate, and results are limited to MAX_ELEMENTS.
 * For stability the docs recommend a separate worker that can be killed: this module only
 * runs inside math.worker.ts, whose heap and run time math-sandbox.ts bounds, which also
 * catches what the checks here cannot foresee (an outer product of two large vectors).
 */
import { all, create, type MathNode } from 'mathjs';

export const MAX_ELEMENTS = 10_000;
export const MAX_TEXT_LENGTH = 100_000;
const MAX_NODES = 2_000;
/** Significant digits of the text when the caller gives no precision: hides floating-point noise (0.1 + 0.2 → 0.3). */
const DEFAULT_TEXT_PRECISION = 14;

export interface MathJob {
  expression: string;
  variables: Record<string, number>;
  precision?: number;
}

export type MathReply = { ok: true; text: string; result: unknown } | { ok: false; message: string };

/** A problem with the expression (as opposed to a bug): reported to the caller as BAD_USER_INPUT. */
export class MathInputError extends Error {}

/** Replaced in the instance by functions that throw. */
const DISABLED_FUNCTIONS = [
  'import',
  'createUnit',
  'reviver',
  'replacer',
  'evaluate',
  'parse',
  'compile',
  'parser',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'rationalize',
  'leafCount',
  'symbolicEqual',
  'chain',
  'help',
];

/** Refused wherever they appear in an expression. */
const REFUSED_NAMES = new Set([...DISABLED_FUNCTIONS, 'config', 'typed']);

type AnyFunction = (...args: unknown[]) => unknown;

function formatCount(count: number): string {
  return Number.isFinite(count) ? String(count) : 'too many';
}

function refuseAbove(count: number, what: string): void {
  if (count > MAX_ELEMENTS || Number.isNaN(count)) {
    throw new MathInputError(`${what} would have ${formatCount(count)} elements; at most ${MAX_ELEMENTS} are allowed`);
  }
}

export function createMathEvaluator(): (job: MathJob) => MathReply {
  if (!all) throw new Error('mathjs exports no factories');
  const math = create(all, { number: 'number', matrix: 'Matrix' });
  // Kept before the overrides below: evaluation parses with the original parser.
  const parse = math.parse;
  const original = (name: string): AnyFunction => (math as unknown as Record<string, AnyFunction>)[name]!;

  /** The numbers of a size argument (a number, an array or matrix of them); null when it is something else. */
  const sizeNumbers = (value: unknown): number[] | null => {
    if (typeof value === 'number') return [value];
    if (typeof value === 'bigint') return [Number(value)];
    if (math.isBigNumber(value)) return [value.toNumber()];
    if (math.isMatrix(value)) return sizeNumbers(value.toArray());
    if (Array.isArray(value)) {
      const numbers: number[] = [];
      for (const item of value) {
        const inner = sizeNumbers(item);
        if (!inner) return null;
        numbers.push(...inner);
      }
      return numbers;
    }
    return null;
  };
  const product = (numbers: number[]) => numbers.reduce((total, n) => total * Math.max(0, Math.ceil(n)), 1);
  const countOf = (value: unknown): number => {
    if (math.isMatrix(value)) return product(value.size());
    if (Array.isArray(value)) return value.reduce((total: number, item) => total + countOf(item), 0);
    return 1;
  };

  /** Dimensions given as separate numbers, one array or one matrix; trailing format strings ignored. */
  const requestedDims = (args: unknown[]): number[] | null => {
    const dims: number[] = [];
    for (const arg of args) {
      if (typeof arg === 'string') continue;
      const numbers = sizeNumbers(arg);
      if (!numbers) return null;
      dims.push(...numbers);
    }
    return dims;
  };

  const guard = (name: string, check: (args: unknown[]) => void) => {
    const fn = original(name);
    return (...args: unknown[]) => {
      check(args);
      return fn(...args);
    };
  };

  const sizedBy = (pick: (args: unknown[]) => unknown[]) => (args: unknown[]) => {
    const dims = requestedDims(pick(args));
    if (dims) refuseAbove(product(dims), 'The matrix');
  };

  const rangeCount = (args: unknown[]): number | null => {
    const num = (value: unknown) => (typeof value === 'number' ? value : math.isBigNumber(value) ? value.toNumber() : null);
    if (typeof args[0] === 'string') {
      const parts = args[0].split(':').map((part) => Number(part.trim()));
      if (parts.length < 2 || parts.length > 3 || parts.some((part) => !Number.isFinite(part))) return null;
      const [start, a, b] = parts as [number, number, number?];
      return b === undefined ? Math.abs(a - start) + 1 : Math.abs(b - start) / Math.abs(a) + 1;
    }
    const start = num(args[0]);
    const end = num(args[1]);
    const step = typeof args[2] === 'boolean' || args[2] === undefined ? 1 : num(args[2]);
    if (start === null || end === null || step === null || step === 0) return null;
    return Math.abs(end - start) / Math.abs(step) + 1;
  };

  const disabled = Object.fromEntries(
    DISABLED_FUNCTIONS.map((name) => [
      name,
      () => {
        throw new MathInputError(`Function ${name} is disabled`);
      },
    ]),
  );

  math.import(
    {
      ...disabled,
      ones: guard('ones', sizedBy((args) => args)),
      zeros: guard('zeros', sizedBy((args) => args)),
      identity: guard('identity', (args) => {
        const dims = requestedDims(args);
        if (dims) refuseAbove(dims.length === 1 ? product(dims) ** 2 : product(dims), 'The matrix');
      }),
      random: guard('random', sizedBy((args) => (Array.isArray(args[0]) || math.isMatrix(args[0]) ? [args[0]] : []))),
      randomInt: guard('randomInt', sizedBy((args) => (Array.isArray(args[0]) || math.isMatrix(args[0]) ? [args[0]] : []))),
      pickRandom: guard('pickRandom', (args) => {
        for (const arg of args.slice(1)) if (typeof arg === 'number') refuseAbove(arg, 'The selection');
      }),
      range: guard('range', (args) => {
        const count = rangeCount(args);
        if (count !== null) refuseAbove(Math.floor(count), 'The range');
      }),
      resize: guard('resize', sizedBy((args) => [args[1]])),
      matrixFromFunction: guard('matrixFromFunction', sizedBy((args) => [args[0]])),
      diag: guard('diag', (args) => {
        const [x, k] = args;
        if ((Array.isArray(x) && !x.some(Array.isArray)) || (math.isMatrix(x) && x.size().length === 1)) {
          const n = countOf(x) + (typeof k === 'number' ? Math.abs(k) : 0);
          refuseAbove(n * n, 'The matrix');
        }
      }),
      kron: guard('kron', (args) => refuseAbove(countOf(args[0]) * countOf(args[1]), 'The Kronecker product')),
      setCartesian: guard('setCartesian', (args) => refuseAbove(countOf(args[0]) * countOf(args[1]), 'The Cartesian product')),
      setPowerset: guard('setPowerset', (args) => refuseAbove(2 ** countOf(args[0]), 'The power set')),
    },
    { override: true },
  );

  const builtin = (name: string) => REFUSED_NAMES.has(name) || Object.hasOwn(math, name);

  function checkTree(root: MathNode): void {
    let nodes = 0;
    root.traverse((node) => {
      nodes += 1;
      if (math.isFunctionAssignmentNode(node)) throw new MathInputError('Defining functions is not allowed');
      if (math.isAssignmentNode(node)) {
        if (!math.isSymbolNode(node.object) || node.index) {
          throw new MathInputError('Only plain variables can be assigned (a = 2), not elements or properties');
        }
        if (builtin(node.object.name)) throw new MathInputError(`"${node.object.name}" is built in and cannot be reassigned`);
      }
      if (math.isSymbolNode(node) && REFUSED_NAMES.has(node.name)) throw new MathInputError(`Function ${node.name} is disabled`);
    });
    if (nodes > MAX_NODES) throw new MathInputError(`The expression is too complex (more than ${MAX_NODES} parts)`);
  }

  function toJson(value: unknown, precision: number | undefined): unknown {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return String(value);
      return precision === undefined ? value : Number(value.toPrecision(precision));
    }
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    if (value === undefined) return null;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function') throw new MathInputError('The expression evaluates to a function, not a value');
    if (math.isMatrix(value)) return toJson(value.toArray(), precision);
    if (Array.isArray(value)) return value.map((item) => toJson(item, precision));
    if (math.isComplex(value)) return { re: toJson(value.re, precision), im: toJson(value.im, precision) };
    if (math.isBigNumber(value) || math.isFraction(value) || math.isUnit(value)) return format(value, precision);
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, precision)]));
    }
    return format(value, precision);
  }

  function format(value: unknown, precision: number | undefined): string {
    if (typeof value === 'string') return value;
    return math.format(value, { precision: precision ?? DEFAULT_TEXT_PRECISION });
  }

  function evaluate(job: MathJob): { text: string; result: unknown } {
    if (typeof job.expression !== 'string' || job.expression.trim() === '') throw new MathInputError('The expression is empty');
    const scope = new Map<string, unknown>(Object.entries(job.variables ?? {}));
    const tree = parse(job.expression);
    checkTree(tree);
    const value: unknown = tree.compile().evaluate(scope);
    // Several statements (a = 2; a * 3): the visible results, one per line.
    const values = math.isResultSet(value) ? value.entries : [value];
    if (values.length === 0 || values.every((item) => item === undefined)) throw new MathInputError('The expression produced no value');
    refuseAbove(values.reduce((total: number, item) => total + countOf(item), 0), 'The result');
    const result = values.length === 1 ? toJson(values[0], job.precision) : values.map((item) => toJson(item, job.precision));
    const text = values.map((item) => format(item, job.precision)).join('\n');
    if (text.length > MAX_TEXT_LENGTH) throw new MathInputError(`The result is longer than ${MAX_TEXT_LENGTH} characters`);
    return { text, result };
  }

  return (job) => {
    try {
      return { ok: true, ...evaluate(job) };
    } catch (error) {
      // mathjs reports syntax errors, unknown symbols and wrong arguments as plain errors: all down to the expression.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message: (message || 'The expression could not be evaluated').slice(0, 300) };
    }
  };
}
