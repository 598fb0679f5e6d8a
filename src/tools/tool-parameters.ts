import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '../errors.js';
import type { JsonSchema, ToolDefinition, ToolParameter } from './tool.types.js';

/**
 * Parameters are checked with Ajv against a JSON Schema built from the tool's declared
 * parameters: types coerced ("5" → 5 for a NUMBER), defaults filled in, unknown names refused.
 * OpenAPI schemas carry keywords Ajv does not know (nullable, example, xml…): strict mode off.
 */
const ajv = new Ajv({ strict: false, coerceTypes: true, useDefaults: true, allErrors: false, validateSchema: false });
(addFormats as unknown as (instance: Ajv) => Ajv)(ajv);

const TYPE_SCHEMAS: Record<ToolParameter['type'], JsonSchema> = {
  STRING: { type: 'string' },
  NUMBER: { type: 'number' },
  INTEGER: { type: 'integer' },
  BOOLEAN: { type: 'boolean' },
  SELECT: { type: 'string' },
  OBJECT: { type: 'object' },
  ARRAY: { type: 'array' },
  FILE: { type: 'string' },
};

function parameterSchema(parameter: ToolParameter): JsonSchema {
  const base: JsonSchema = { ...TYPE_SCHEMAS[parameter.type] };
  if (parameter.type === 'SELECT' && parameter.options?.length) base.enum = parameter.options;
  const schema = parameter.schema && parameter.type !== 'FILE' ? { ...parameter.schema, ...base, ...typeFromSchema(parameter.schema) } : base;
  if (parameter.default !== undefined) schema.default = parameter.default;
  return schema;
}

/** A declared schema may allow several types (OpenAPI 3.1 `type: [string, "null"]`): keep its own `type` then. */
function typeFromSchema(schema: JsonSchema): JsonSchema {
  return Array.isArray(schema.type) ? { type: schema.type } : {};
}

export function parametersSchema(parameters: readonly ToolParameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameterSchema(parameter)])),
    required: parameters.filter((parameter) => parameter.required && parameter.default === undefined).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

// Compiled validators per definition object: providers build definitions once per load.
const compiled = new WeakMap<ToolDefinition, ValidateFunction>();

function validatorFor(definition: ToolDefinition): ValidateFunction {
  let validate = compiled.get(definition);
  if (!validate) {
    try {
      validate = ajv.compile(parametersSchema(definition.parameters));
    } catch {
      // A schema Ajv cannot compile (an odd imported document): check names and base types only.
      validate = ajv.compile(parametersSchema(definition.parameters.map(({ schema: _schema, ...rest }) => rest)));
    }
    compiled.set(definition, validate);
  }
  return validate;
}

function describe(error: ErrorObject): { message: string; parameter: string | undefined } {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const name = String((error.params as { missingProperty: string }).missingProperty);
    return { message: `Missing required parameter "${name}"`, parameter: name };
  }
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    return { message: `Unknown parameter "${name}"`, parameter: name };
  }
  const parameter = path.split('.')[0] || undefined;
  return { message: `Parameter "${path}" ${error.message ?? 'is invalid'}`, parameter };
}

/** The parameters to call the tool with: a fresh object, coerced, defaults applied; BAD_USER_INPUT naming the first problem. */
export function checkParameters(definition: ToolDefinition, input: unknown): Record<string, unknown> {
  if (input != null && (typeof input !== 'object' || Array.isArray(input))) {
    throw new ValidationError('parameters must be an object of parameter values', { field: 'parameters' });
  }
  const values = structuredClone((input ?? {}) as Record<string, unknown>);
  const validate = validatorFor(definition);
  if (!validate(values)) {
    const { message, parameter } = describe(validate.errors![0]!);
    throw new ValidationError(message, { field: 'parameters', parameter });
  }
  return values;
}
