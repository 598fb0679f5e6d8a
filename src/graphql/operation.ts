import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { buildContext, type Context, type Deps, type RequestInfo } from '../context.js';
import { AppError } from '../errors.js';
import { parseOptions } from './validation-rules.js';

export interface OperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Wraps an AppError as a GraphQLError carrying its stable code. */
export function toGraphQLError(error: AppError, httpStatus?: number): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...error.details, code: error.code, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

function requestError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * The checks Apollo applies to HTTP operations, for the graphql-ws and graphql-sse
 * transports that bypass Apollo: parse, the same validation rules, then context (auth).
 * Returns execution arguments, or the errors to send instead.
 */
export async function prepareOperation(
  deps: Deps,
  schema: GraphQLSchema,
  request: OperationRequest,
  info: RequestInfo,
): Promise<{ args: ExecutionArgs & { contextValue: Context } } | { errors: GraphQLError[] }> {
  if (typeof request.query !== 'string') return { errors: [requestError('"query" must be a string', 'BAD_REQUEST')] };
  if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) {
    return { errors: [requestError('"variables" must be an object', 'BAD_REQUEST')] };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query, parseOptions);
  } catch (error) {
    return { errors: [requestError((error as GraphQLError).message, 'GRAPHQL_PARSE_FAILED')] };
  }
  const validationErrors = validate(schema, document, [...specifiedRules, ...deps.validationRules]);
  if (validationErrors.length > 0) {
    return {
      errors: validationErrors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
    };
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  let contextValue: Context;
  try {
    const longLived = getOperationAST(document, operationName)?.operation === 'subscription';
    contextValue = await buildContext(deps, info, { longLived });
  } catch (error) {
    if (error instanceof AppError) return { errors: [toGraphQLError(error)] };
    throw error;
  }
  return {
    args: {
      schema,
      document,
      contextValue,
      variableValues: (request.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName,
    },
  };
}
