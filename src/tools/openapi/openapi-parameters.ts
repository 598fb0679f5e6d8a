/**
 * The parameters of one operation: path-level and operation-level parameters merged, each
 * with its location, wire name, type and schema; the request body chosen and, when it is an
 * object, spread into one parameter per property (as Dify does).
 */
import type { JsonSchema, ParameterType } from '../tool.types.js';
import type { ApiBody, ApiParameter, BodyEncoding, ParameterLocation } from './openapi.types.js';
import { hasProperties, isRecord, parameterTypeOf, toJsonSchema, type SchemaContext } from './openapi-schema.js';

export type SpecVersion = 'swagger2' | 'openapi30' | 'openapi31';

const MAX_DESCRIPTION = 2000;
/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** OpenAPI 3: header parameters with these names "SHALL be ignored" (auth and content negotiation are ours). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export function clip(text: string, max = MAX_DESCRIPTION): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Tool parameter names must be unique within an operation: the first use of a name keeps it. */
class ParameterNames {
  private readonly used = new Set<string>();
  take(preferred: string, alternative: string): string {
    for (const candidate of [preferred, alternative]) {
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    for (let n = 2; ; n++) {
      const candidate = `${alternative}_${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}

export interface OperationInput {
  version: SpecVersion;
  /** e.g. "GET /pets/{petId}", for warnings. */
  label: string;
  path: string;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
  /** Swagger 2.0: the document's `consumes`. */
  globalConsumes?: unknown;
}

export interface OperationParameters {
  parameters: ApiParameter[];
  body?: ApiBody;
}

const DEFAULT_STYLE: Record<Exclude<ParameterLocation, 'body'>, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

/** Path-level parameters, overridden by operation-level ones with the same name and location. */
function mergedParameters(pathItem: Record<string, unknown>, operation: Record<string, unknown>): Record<string, unknown>[] {
  const merged = new Map<string, Record<string, unknown>>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const parameter of list) {
      if (isRecord(parameter)) merged.set(`${text(parameter.in)}\u0000${text(parameter.name)}`, parameter);
    }
  }
  return [...merged.values()];
}

/** Swagger 2.0 parameters carry their schema keywords inline. */
const SWAGGER_SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
];

function swaggerParameterSchema(parameter: Record<string, unknown>): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const key of SWAGGER_SCHEMA_KEYS) if (parameter[key] !== undefined) schema[key] = parameter[key];
  return schema;
}

/** Swagger 2.0 collectionFormat as an OpenAPI 3 style (tsv has no OpenAPI 3 equivalent: Plugboard's `tabDelimited`). */
function swaggerStyle(location: ParameterLocation, collectionFormat: unknown): { style: string; explode: boolean } {
  switch (collectionFormat) {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'tsv':
      return { style: 'tabDelimited', explode: false };
    default: // csv, the default
      return { style: location === 'query' || location === 'cookie' ? 'form' : 'simple', explode: false };
  }
}

function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(mediaType.trim());
}
function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

interface Built {
  parameters: ApiParameter[];
  body?: ApiBody;
}

/** Builds the ApiParameters of one operation; `warn` receives what was skipped or renamed. */
export function operationParameters(input: OperationInput, ctx: SchemaContext, warn: (message: string) => void): OperationParameters {
  const names = new ParameterNames();
  const built: Built = { parameters: [] };
  const templateNames = [...input.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
  const declaredPath = new Set<string>();
  const swaggerForm: Record<string, unknown>[] = [];
  let swaggerBody: Record<string, unknown> | undefined;

  for (const parameter of mergedParameters(input.pathItem, input.operation)) {
    const wireName = text(parameter.name);
    const location = text(parameter.in);
    if (input.version === 'swagger2' && location === 'body') {
      swaggerBody = parameter;
      continue;
    }
    if (input.version === 'swagger2' && location === 'formData') {
      swaggerForm.push(parameter);
      continue;
    }
    if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') {
      warn(`${input.label}: parameter "${wireName}" in "${location}" is not supported and was skipped`);
      continue;
    }
    if (!wireName) continue;
    if (location === 'path' && !templateNames.includes(wireName)) {
      warn(`${input.label}: path parameter "${wireName}" does not appear in the path and was skipped`);
      continue;
    }
    if (location === 'header') {
      if (IGNORED_HEADERS.has(wireName.toLowerCase())) {
        if (wireName.toLowerCase() === 'authorization') warn(`${input.label}: the Authorization header parameter was skipped: configure the provider's auth instead`);
        continue;
      }
      if (!HEADER_NAME.test(wireName)) {
        warn(`${input.label}: header parameter "${wireName}" is not a valid header name and was skipped`);
        continue;
      }
    }
    if (location === 'path') declaredPath.add(wireName);
    built.parameters.push(simpleParameter(input, parameter, location, wireName, names, ctx, warn));
  }

  for (const name of templateNames) {
    if (declaredPath.has(name)) continue;
    warn(`${input.label}: path parameter "${name}" is not declared; it was added as a required string`);
    built.parameters.push({
      name: names.take(name, `path_${name}`),
      type: 'STRING',
      required: true,
      description: '',
      schema: { type: 'string' },
      in: 'path',
      wireName: name,
      style: 'simple',
      explode: false,
    });
    declaredPath.add(name);
  }

  if (input.version === 'swagger2') swaggerRequestBody(input, swaggerBody, swaggerForm, built, names, ctx, warn);
  else openApiRequestBody(input, built, names, ctx, warn);
  return built;
}

function simpleParameter(
  input: OperationInput,
  parameter: Record<string, unknown>,
  location: Exclude<ParameterLocation, 'body'>,
  wireName: string,
  names: ParameterNames,
  ctx: SchemaContext,
  warn: (message: string) => void,
): ApiParameter {
  let schema: JsonSchema;
  let style = typeof parameter.style === 'string' ? parameter.style : DEFAULT_STYLE[location];
  let explode = typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form';
  if (input.version === 'swagger2') {
    schema = toJsonSchema(swaggerParameterSchema(parameter), ctx);
    if (parameter.type === 'array') ({ style, explode } = swaggerStyle(location, parameter.collectionFormat));
  } else if (parameter.schema !== undefined) {
    schema = toJsonSchema(parameter.schema, ctx);
  } else if (isRecord(parameter.content)) {
    // `content` instead of `schema`: the value is serialised with that media type (JSON here).
    const [mediaType, media] = Object.entries(parameter.content)[0] ?? [];
    schema = toJsonSchema(isRecord(media) ? media.schema : undefined, ctx);
    style = 'json';
    explode = false;
    if (mediaType && !isJsonMediaType(mediaType)) warn(`${input.label}: parameter "${wireName}" uses ${mediaType}; it is sent JSON-encoded`);
  } else {
    schema = {};
  }
  const { type, options } = parameterTypeOf(schema, 'STRING');
  const name = names.take(wireName, `${location}_${wireName}`);
  if (name !== wireName) warn(`${input.label}: ${location} parameter "${wireName}" is named "${name}" (another parameter has its name)`);
  const description = clip(text(parameter.description) || text(schema.description));
  const result: ApiParameter = {
    name,
    type,
    required: location === 'path' || parameter.required === true,
    description: parameter.deprecated === true ? clip(`Deprecated. ${description}`) : description,
    schema,
    in: location,
    wireName,
    style,
    explode,
  };
  if (options) result.options = options;
  if (schema.default !== undefined) result.default = schema.default;
  return result;
}

function bodyProperty(
  input: OperationInput,
  wireName: string,
  schema: JsonSchema,
  required: boolean,
  fallback: ParameterType,
  names: ParameterNames,
  warn: (message: string) => void,
): ApiParameter {
  const { type, options } = parameterTypeOf(schema, fallback);
  const name = names.take(wireName, `body_${wireName}`);
  if (name !== wireName) warn(`${input.label}: body property "${wireName}" is named "${name}" (a parameter has its name)`);
  const parameter: ApiParameter = { name, type, required, description: clip(text(schema.description)), schema, in: 'body', wireName };
  if (options) parameter.options = options;
  if (schema.default !== undefined) parameter.default = schema.default;
  return parameter;
}

/**
 * An object body becomes one parameter per property (read-only ones are not sent), required as
 * the schema says even when the body itself is optional (documents often forget
 * `requestBody.required`); anything else becomes one parameter, "body".
 */
function addBodyParameters(
  input: OperationInput,
  schema: JsonSchema,
  body: Omit<ApiBody, 'whole'>,
  description: string,
  built: Built,
  names: ParameterNames,
  warn: (message: string) => void,
): void {
  if (hasProperties(schema)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
    for (const [wireName, propertySchema] of Object.entries(schema.properties)) {
      const property: JsonSchema = isRecord(propertySchema) ? propertySchema : {};
      if (property.readOnly === true) continue;
      // A property without a type could be anything: STRING suits form fields, OBJECT (as asked of JSON bodies) otherwise.
      const fallback: ParameterType = body.encoding === 'json' ? 'OBJECT' : 'STRING';
      built.parameters.push(bodyProperty(input, wireName, property, required.has(wireName), fallback, names, warn));
    }
    built.body = { ...body, whole: false };
    return;
  }
  const parameter = bodyProperty(input, 'body', schema, body.required, 'OBJECT', names, warn);
  parameter.description = clip(description || text(schema.description));
  built.parameters.push(parameter);
  built.body = { ...body, whole: true };
}

const ENCODING_ORDER: { encoding: BodyEncoding; matches: (mediaType: string) => boolean }[] = [
  { encoding: 'json', matches: isJsonMediaType },
  { encoding: 'form', matches: (mediaType) => baseMediaType(mediaType) === 'application/x-www-form-urlencoded' },
  { encoding: 'multipart', matches: (mediaType) => baseMediaType(mediaType) === 'multipart/form-data' },
];

function openApiRequestBody(input: OperationInput, built: Built, names: ParameterNames, ctx: SchemaContext, warn: (message: string) => void): void {
  const requestBody = input.operation.requestBody;
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return;
  const mediaTypes = Object.keys(requestBody.content);
  if (mediaTypes.length === 0) return;
  for (const { encoding, matches } of ENCODING_ORDER) {
    const contentType = mediaTypes.find(matches);
    if (!contentType) continue;
    const media = requestBody.content[contentType];
    const schema = toJsonSchema(isRecord(media) ? media.schema : undefined, ctx);
    addBodyParameters(input, schema, { encoding, contentType, required: requestBody.required === true }, text(requestBody.description), built, names, warn);
    return;
  }
  warn(`${input.label}: request bodies of type ${mediaTypes.join(', ')} are not supported; the operation is imported without its body`);
}

function mediaTypeList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function swaggerRequestBody(
  input: OperationInput,
  bodyParameter: Record<string, unknown> | undefined,
  formParameters: Record<string, unknown>[],
  built: Built,
  names: ParameterNames,
  ctx: SchemaContext,
  warn: (message: string) => void,
): void {
  const consumes = mediaTypeList(input.operation.consumes) ?? mediaTypeList(input.globalConsumes) ?? [];
  if (bodyParameter) {
    const contentType = consumes.length === 0 ? 'application/json' : consumes.find(isJsonMediaType);
    if (!contentType) {
      warn(`${input.label}: request bodies of type ${consumes.join(', ')} are not supported; the operation is imported without its body`);
      return;
    }
    const schema = toJsonSchema(bodyParameter.schema, ctx);
    addBodyParameters(input, schema, { encoding: 'json', contentType, required: bodyParameter.required === true }, text(bodyParameter.description), built, names, warn);
    return;
  }
  if (formParameters.length === 0) return;
  const bases = consumes.map(baseMediaType);
  const multipart =
    formParameters.some((parameter) => parameter.type === 'file') || (!bases.includes('application/x-www-form-urlencoded') && bases.includes('multipart/form-data'));
  const encoding: BodyEncoding = multipart ? 'multipart' : 'form';
  for (const parameter of formParameters) {
    const wireName = text(parameter.name);
    if (!wireName) continue;
    const schema = toJsonSchema(swaggerParameterSchema(parameter), ctx);
    if (parameter.description !== undefined && schema.description === undefined) schema.description = parameter.description;
    built.parameters.push(bodyProperty(input, wireName, schema, parameter.required === true, 'STRING', names, warn));
  }
  built.body = {
    encoding,
    contentType: multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
    required: formParameters.some((parameter) => parameter.required === true),
    whole: false,
  };
}
