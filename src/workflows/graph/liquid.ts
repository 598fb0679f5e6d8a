/**
 * Liquid for TEMPLATE nodes. This mirrors the engine setup of
 * src/tools/builtin/text-template.tool.ts (which does not export it): no file system,
 * include/render/layout refused when parsing, unknown filters are errors, a memory budget,
 * and a hard time limit, because one filter can run for minutes between liquidjs' own
 * renderLimit checks. Keep the two in step.
 */
import { Context, Liquid, Tag, toValue, toValueSync, type Emitter, type FS, type TagToken, type TopLevelToken } from 'liquidjs';
import { ValidationError } from '../../errors.js';
import { TimeLimitExceeded, withinTimeLimit } from '../../tools/builtin/time-limit.js';
import type { MapVariablePool } from './variables.js';

const MAX_TEMPLATE_LENGTH = 100_000;
const MAX_OUTPUT_LENGTH = 1_000_000;
const RENDER_LIMIT_MS = 1000;
const MEMORY_LIMIT = 10_000_000;

const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => {
    throw new Error('Templates cannot read files');
  },
  readFileSync: () => {
    throw new Error('Templates cannot read files');
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
  sep: '/',
};

class RefusedTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`The "${token.name}" tag is not available: a template cannot load other templates`);
  }

  render(): void {}
}

const engine = new Liquid({
  fs: NO_FILES,
  root: [],
  partials: [],
  layouts: [],
  relativeReference: false,
  dynamicPartials: false,
  cache: false,
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  jsTruthy: false,
  parseLimit: MAX_TEMPLATE_LENGTH,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: MEMORY_LIMIT,
});
for (const name of ['include', 'render', 'layout']) engine.registerTag(name, RefusedTag);

class OutputTooLarge extends Error {}

class LimitedEmitter implements Emitter {
  buffer = '';

  write(html: unknown): void {
    this.buffer += stringify(html);
    if (this.buffer.length > MAX_OUTPUT_LENGTH) throw new OutputTooLarge();
  }
}

function stringify(value: unknown): string {
  const plain = toValue(value) as unknown;
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}

interface LiquidFailure {
  message?: unknown;
  token?: { getPosition?: () => number[] };
  originalError?: unknown;
}

function position(error: LiquidFailure): { line?: number; column?: number } {
  try {
    const [line, column] = error.token?.getPosition?.() ?? [];
    return { line, column };
  } catch {
    return {};
  }
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null && 'originalError' in current; depth++) {
    const next = (current as LiquidFailure).originalError;
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

/** A liquidjs failure as one readable line, with its position when liquidjs knows it. */
function describeFailure(error: unknown): { message: string; line?: number; column?: number } {
  if (error instanceof TimeLimitExceeded) return { message: `The template took longer than ${RENDER_LIMIT_MS} ms to render` };
  if (rootCause(error) instanceof OutputTooLarge) return { message: `The rendered text is larger than ${MAX_OUTPUT_LENGTH} characters` };
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as LiquidFailure;
  const message = typeof failure.message === 'string' ? failure.message : 'The template failed';
  return { message: `Template error: ${message.split('\n')[0]!.slice(0, 300)}`, ...position(failure) };
}

/** Why `source` does not parse (refused tags, unknown filters, syntax), or null when it does. */
export function liquidSyntaxError(source: string): string | null {
  try {
    withinTimeLimit(RENDER_LIMIT_MS, () => engine.parse(source));
    return null;
  } catch (error) {
    return describeFailure(error).message;
  }
}

/** A TEMPLATE node's text: Liquid over every node's outputs (node ids as top-level names); a failure is a ValidationError. */
export function renderLiquid(template: string, pool: MapVariablePool): string {
  return renderLiquidTemplate(template, pool.snapshot());
}

function renderLiquidTemplate(source: string, scope: Record<string, unknown>): string {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new ValidationError(`The template is longer than ${MAX_TEMPLATE_LENGTH} characters`, { field: 'template' });
  }
  try {
    return withinTimeLimit(RENDER_LIMIT_MS, () => {
      const templates = engine.parse(source);
      const context = new Context(scope, engine.options, { sync: true, ownPropertyOnly: true, strictVariables: false }, { liquid: engine });
      const emitter = new LimitedEmitter();
      toValueSync(engine.renderer.renderTemplates(templates, context, emitter));
      return emitter.buffer;
    });
  } catch (error) {
    const { message, ...where } = describeFailure(error);
    throw new ValidationError(message, { field: 'template', ...where });
  }
}
