import { NotFoundError } from '../../src/errors.js';
import type { ToolMessage as ToolMessageModel } from '../../src/tools/tool.types.js';
import type { ApiAuthResolvers, OpenApiPreviewResolvers, ToolEventResolvers, ToolMessageResolvers, ToolParameterResolvers, ToolResolvers } from '../__generated__/types.js';

export const Tool: ToolResolvers = {
  name: (tool) => tool.definition.name,
  description: (tool) => tool.definition.description,
  parameters: (tool) => tool.definition.parameters,
  provider: (tool) => tool.provider,
  method: (tool) => tool.method ?? null,
  path: (tool) => tool.path ?? null,
};

const LOCATIONS = { path: 'PATH', query: 'QUERY', header: 'HEADER', cookie: 'COOKIE', body: 'BODY' } as const;

export const ToolParameter: ToolParameterResolvers = {
  default: (parameter) => parameter.default ?? null,
  options: (parameter) => parameter.options ?? null,
  schema: (parameter) => parameter.schema ?? null,
  // Built-in parameters have no HTTP location.
  location: (parameter) => (parameter.in ? LOCATIONS[parameter.in] : null),
};

export const ApiAuth: ApiAuthResolvers = {
  headerName: (auth) => (auth.type === 'API_KEY_HEADER' ? auth.headerName : null),
  prefix: (auth) => (auth.type === 'API_KEY_HEADER' ? auth.prefix : null),
  customPrefix: (auth) => (auth.type === 'API_KEY_HEADER' ? (auth.customPrefix ?? null) : null),
  queryParam: (auth) => (auth.type === 'API_KEY_QUERY' ? auth.queryParam : null),
};

export const OpenApiPreview: OpenApiPreviewResolvers = {
  tools: (spec) => spec.operations,
};

const MESSAGE_TYPES = {
  TEXT: 'TextMessage',
  JSON: 'JsonMessage',
  LINK: 'LinkMessage',
  IMAGE: 'ImageMessage',
  BLOB: 'BlobMessage',
  FILE: 'FileMessage',
  VARIABLE: 'VariableMessage',
  LOG: 'LogMessage',
} as const;

function messageTypeName(message: ToolMessageModel) {
  const name = MESSAGE_TYPES[message.type];
  if (!name) throw new NotFoundError(`Unknown message type ${String(message.type)}`);
  return name;
}

export const ToolMessage: ToolMessageResolvers = {
  __resolveType: (message) => messageTypeName(message),
};

export const ToolEvent: ToolEventResolvers = {
  __resolveType: (event) => (event.type === 'FINISHED' ? 'ToolInvocationFinished' : messageTypeName(event)),
};
