import { AppError } from '../errors.js';

/** Stored credentials that the configured PLUGBOARD_SECRET_KEY cannot decrypt (the key changed or was lost). */
export class CredentialsUnreadableError extends AppError {
  readonly code = 'CREDENTIALS_UNREADABLE';
}

/** A tool call that failed: carries the failure's own code (TIMEOUT, UPSTREAM_ERROR…) and the record's ID. */
export class ToolCallFailedError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }
}
