/**
 * The errors services throw. Each carries a stable `code` that clients branch on;
 * `formatGraphQLError` (src/graphql/format-error.ts) is the one place they become responses.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly code = 'BAD_USER_INPUT';
}
export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
}
export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}
export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfter: retryAfterSeconds });
  }
}
export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}
export class UpstreamError extends AppError {
  readonly code = 'UPSTREAM_ERROR';
}
export class TimeoutError extends AppError {
  readonly code = 'TIMEOUT';
}
/** An outbound call to a private, loopback or otherwise refused address (SSRF guard). */
export class DestinationBlockedError extends AppError {
  readonly code = 'DESTINATION_BLOCKED';
}
/** An outbound response larger than allowed. */
export class ResponseTooLargeError extends AppError {
  readonly code = 'RESPONSE_TOO_LARGE';
}
/** A mailed link's token that is unknown, already used, revoked, or no longer matches the account. */
export class InvalidTokenError extends AppError {
  readonly code = 'INVALID_TOKEN';
}
/** A mailed link's token past its expiry: ask for a new one. */
export class TokenExpiredError extends AppError {
  readonly code = 'TOKEN_EXPIRED';
}

/** A missing or malformed setting: the process stops with this one line (exit code 2), never the value. */
export class ConfigError extends Error {}

export function invalidConfig(message: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${message}`);
}
/** An extension endpoint refused Plugboard's API key (HTTP 401/403). */
export class ExtensionUnauthorizedError extends AppError {
  readonly code = 'EXTENSION_UNAUTHORIZED';
}
/** An extension answered something that is not what its module's contract says (or not JSON). */
export class ExtensionOutputInvalidError extends AppError {
  readonly code = 'EXTENSION_OUTPUT_INVALID';
}
