import { Context, Liquid, Tag, toValue, toValueSync, type Emitter, type FS, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { invalid, isPlainObject, requiredString } from './parameter-values.js';
import { TimeLimitExceeded, withinTimeLimit } from './time-limit.js';

const MAX_TEMPLATE_LENGTH = 100_000;
const MAX_OUTPUT_LENGTH = 1_000_000;
/**
 * Milliseconds one render may take. liquidjs checks its renderLimit only between template
 * nodes, and a single filter can run for minutes (`join` over arrays nested with `push`
 * builds an exponentially long string), so rendering is synchronous under a hard time limit.
 */
const RENDER_LIMIT_MS = 1000;
/** liquidjs' allocation budget: range sizes, string building in filters… */
const MEMORY_LIMIT = 10_000_000;

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

interface LiquidFailure {
  message: string;
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

/** The innermost error a liquidjs error wraps (RenderError keeps the thrown one as originalError). */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null && 'originalError' in current; depth++) {
    const next = (current as LiquidFailure).originalError;
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

function templateError(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason : new Error('The call was aborted');
  if (error instanceof TimeLimitExceeded) return invalid('template', `The template took longer than ${RENDER_LIMIT_MS} ms to render`);
  if (rootCause(error) instanceof OutputTooLarge) {
    return invalid('template', `The rendered text is larger than ${MAX_OUTPUT_LENGTH} characters`);
  }
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as LiquidFailure;
  const message = typeof failure.message === 'string' ? failure.message : 'The template failed';
  return invalid('template', `Template error: ${message.split('\n')[0]!.slice(0, 300)}`, position(failure));
}

async function* textTemplate(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  const { parameters, signal } = invocation;
  const source = requiredString(parameters, 'template', { maxLength: MAX_TEMPLATE_LENGTH });
  const variables = parameters.variables ?? {};
  if (!isPlainObject(variables)) throw invalid('variables', 'Parameter "variables" must be an object');
  signal.throwIfAborted();

  let output: string;
  try {
    output = withinTimeLimit(RENDER_LIMIT_MS, () => {
      const templates: Template[] = engine.parse(source);
      const context = new Context(variables, engine.options, { sync: true, ownPropertyOnly: true, strictVariables: false }, { liquid: engine });
      const emitter = new LimitedEmitter();
      toValueSync(engine.renderer.renderTemplates(templates, context, emitter));
      return emitter.buffer;
    });
  } catch (error) {
    throw templateError(error, signal);
  }
  yield { type: 'TEXT', text: output };
}

export const textTemplateTool: Tool = {
  definition: {
    name: 'text_template',
    description:
      'Renders a Liquid template (https://shopify.github.io/liquid/) with the given variables and returns the text. ' +
      'Supports output ({{ user.name | upcase }}), filters, if/unless/case, for loops, assign and capture. ' +
      'Templates are self-contained: include, render and layout are not available. Unknown filters are errors; ' +
      `unknown variables render as empty. At most ${MAX_TEMPLATE_LENGTH} characters of template and ${MAX_OUTPUT_LENGTH} of output.`,
    parameters: [
      {
        name: 'template',
        type: 'STRING',
        required: true,
        description: 'The Liquid template, e.g. "Hello {{ name }}! {% for item in items %}- {{ item }}\\n{% endfor %}".',
        schema: { type: 'string', maxLength: MAX_TEMPLATE_LENGTH },
      },
      {
        name: 'variables',
        type: 'OBJECT',
        required: false,
        description: 'The values the template can use, e.g. {"name": "Ada", "items": ["a", "b"]}.',
        default: {},
        schema: { type: 'object' },
      },
    ],
  },
  invoke: textTemplate,
};
