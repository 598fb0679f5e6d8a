/**
 * The BUILTIN provider: tools every workspace has, needing no credentials or configuration.
 * Their names are part of the API (tool IDs are `builtin/<name>`): keep them stable.
 */
import type { Tool, ToolProvider } from '../tool.types.js';
import { currentTimeTool } from './current-time.tool.js';
import { httpRequestTool } from './http-request.tool.js';
import { jsonQueryTool } from './json-query.tool.js';
import { mathEvaluateTool } from './math-evaluate.tool.js';
import { textTemplateTool } from './text-template.tool.js';

export const BUILTIN_TOOLS: readonly Tool[] = [httpRequestTool, jsonQueryTool, textTemplateTool, currentTimeTool, mathEvaluateTool];

export const builtinProvider: ToolProvider = {
  kind: 'BUILTIN',
  tools: () => [...BUILTIN_TOOLS],
};

export { createCurrentTimeTool, currentTimeTool } from './current-time.tool.js';
export { httpRequestTool } from './http-request.tool.js';
export { jsonQueryTool } from './json-query.tool.js';
export { createMathEvaluateTool, mathEvaluateTool } from './math-evaluate.tool.js';
export { textTemplateTool } from './text-template.tool.js';
