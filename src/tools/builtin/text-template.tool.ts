import { MAX_OUTPUT_LENGTH, MAX_TEMPLATE_LENGTH, renderTemplate, TemplateFailure } from '../../shared/sandboxed-liquid.js';
import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { invalid, isPlainObject, requiredString } from './parameter-values.js';

async function* textTemplate(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  const { parameters, signal } = invocation;
  const source = requiredString(parameters, 'template', { maxLength: MAX_TEMPLATE_LENGTH });
  const variables = parameters.variables ?? {};
  if (!isPlainObject(variables)) throw invalid('variables', 'Parameter "variables" must be an object');
  signal.throwIfAborted();

  let output: string;
  try {
    output = renderTemplate(source, variables);
  } catch (error) {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The call was aborted');
    if (!(error instanceof TemplateFailure)) throw error;
    throw invalid('template', error.message, error.line === undefined ? {} : { line: error.line, column: error.column });
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
