/** Liquid for TEMPLATE nodes: the sandboxed engine the text_template tool uses, over the run's variables. */
import { ValidationError } from '../../errors.js';
import { parseTemplate, renderTemplate, TemplateFailure } from '../../shared/sandboxed-liquid.js';
import type { MapVariablePool } from './variables.js';

/** Why `source` does not parse (refused tags, unknown filters, syntax), or null when it does. */
export function liquidSyntaxError(source: string): string | null {
  try {
    parseTemplate(source);
    return null;
  } catch (error) {
    if (error instanceof TemplateFailure) return error.message;
    throw error;
  }
}

/** A TEMPLATE node's text: Liquid over every node's outputs (node ids as top-level names); a failure is a ValidationError. */
export function renderLiquid(template: string, pool: MapVariablePool): string {
  try {
    return renderTemplate(template, pool.snapshot());
  } catch (error) {
    if (!(error instanceof TemplateFailure)) throw error;
    throw new ValidationError(error.message, { field: 'template', line: error.line, column: error.column });
  }
}
