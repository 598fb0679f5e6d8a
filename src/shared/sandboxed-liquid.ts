/**
 * Liquid templates users write (the text_template tool, workflow TEMPLATE nodes), rendered
 * safely: no file system, include/render/layout refused when parsing, unknown filters are
 * errors, a memory budget, an output cap, and a hard time limit.
 */
import { Context, Liquid, Tag, toValue, toValueSync, type Emitter, type FS, type TagToken, type TopLevelToken } from 'liquidjs';
import { TimeLimitExceeded, withinTimeLimit } from '../tools/builtin/time-limit.js';

export const MAX_TEMPLATE_LENGTH = 100_000;
export const MAX_OUTPUT_LENGTH = 1_000_000;
/**
 * Milliseconds one render may take. liquidjs checks its renderLimit only between template
 * nodes, and a single filter can run for minutes (`join` over arrays nested with `push`
 * builds an exponentially long string), so rendering is synchronous under a hard time limit.
 */
export const RENDER_LIMIT_MS = 1000;
/** liquidjs' allocation budget: range sizes, string building in filters… */
const MEMORY_LIMIT = 10_000_000;

/** Why a template could not be parsed or rendered: one readable line, with its position when liquidjs knows it. */
export class TemplateFailure extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Templates are self-contained: there is no file system to read partials or layouts from. */
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

/** Stands in for include, render and layout: refused when the template is parsed. */
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

/** Collects the output like liquidjs' own emitter, stopping at the size cap. */
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

interface LiquidError {
  message?: unknown;
  token?: { getPosition?: () => number[] };
  originalError?: unknown;
}

function position(error: LiquidError): [number?, number?] {
  try {
    const [line, column] = error.token?.getPosition?.() ?? [];
    return [line, column];
  } catch {
    return [];
  }
}

/** The innermost error a liquidjs error wraps (RenderError keeps the thrown one as originalError). */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null && 'originalError' in current; depth++) {
    const next = (current as LiquidError).originalError;
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

function failureOf(error: unknown): TemplateFailure {
  if (error instanceof TimeLimitExceeded) return new TemplateFailure(`The template took longer than ${RENDER_LIMIT_MS} ms to render`);
  if (rootCause(error) instanceof OutputTooLarge) return new TemplateFailure(`The rendered text is larger than ${MAX_OUTPUT_LENGTH} characters`);
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as LiquidError;
  const message = typeof failure.message === 'string' ? failure.message : 'The template failed';
  return new TemplateFailure(`Template error: ${message.split('\n')[0]!.slice(0, 300)}`, ...position(failure));
}

/** Throws a TemplateFailure when `source` does not parse (refused tags, unknown filters, syntax). */
export function parseTemplate(source: string): void {
  try {
    withinTimeLimit(RENDER_LIMIT_MS, () => engine.parse(source));
  } catch (error) {
    throw failureOf(error);
  }
}

/** Renders `source` over `scope`; any failure is a TemplateFailure. */
export function renderTemplate(source: string, scope: Record<string, unknown>): string {
  if (source.length > MAX_TEMPLATE_LENGTH) throw new TemplateFailure(`The template is longer than ${MAX_TEMPLATE_LENGTH} characters`);
  try {
    return withinTimeLimit(RENDER_LIMIT_MS, () => {
      const templates = engine.parse(source);
      const context = new Context(scope, engine.options, { sync: true, ownPropertyOnly: true, strictVariables: false }, { liquid: engine });
      const emitter = new LimitedEmitter();
      toValueSync(engine.renderer.renderTemplates(templates, context, emitter));
      return emitter.buffer;
    });
  } catch (error) {
    throw failureOf(error);
  }
}
