import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** Codes that Apollo, graphql-js and our transports set themselves: passed through unchanged. */
const KNOWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UPSTREAM_ERROR',
  'TIMEOUT',
  'DESTINATION_BLOCKED',
  'RESPONSE_TOO_LARGE',
]);

/**
 * Database driver errors carry the SQL with its parameter values (emails, hashes) in their
 * message: log what identifies the failure, not the data.
 */
function loggable(error: unknown): unknown {
  if (error instanceof DriverException) return { type: error.name, code: error.code, sqlState: error.sqlState, table: (error as { table?: string }).table };
  return error;
}

/**
 * The one mapping from thrown errors to what a client sees, shared by Apollo's
 * `formatError` and the graphql-ws / graphql-sse hooks.
 * AppErrors keep their message, code and details; anything nobody coded is masked
 * as INTERNAL_SERVER_ERROR and logged with the request id so operators can find it.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
  requestId?: string,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (error instanceof GraphQLError && !error.originalError) {
    // Raised by graphql-js itself while checking the request (e.g. variable coercion
    // over graphql-ws/SSE, where Apollo does not add its codes): the caller's fault.
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (formatted.path?.[0] === '_entities' && /entity for type|unknown type/i.test(formatted.message)) {
    // @apollo/subgraph throws a plain Error for a representation of a type it lacks.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  log.error({ err: loggable(original), requestId, path: formatted.path }, 'unexpected error while resolving');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
