import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * POST bodies must be JSON: without this, a text/plain or unknown body reaches Apollo
 * unparsed and answers a 500.
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  res
    .status(415)
    .json(graphqlErrorBody('POST requests must have Content-Type: application/json', 'BAD_REQUEST'));
};

/** Like requireJsonBody, also letting GraphQL multipart requests (file uploads) through. */
export const requireJsonOrMultipart: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json') || req.is('multipart/form-data')) return next();
  res
    .status(415)
    .json(graphqlErrorBody('POST requests must have Content-Type: application/json, or multipart/form-data for uploads', 'BAD_REQUEST'));
};

/** Unknown routes: JSON like everything else, instead of express's HTML page. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(graphqlErrorBody(`No route for ${req.method} ${req.path}`, 'NOT_FOUND'));
};

/** body-parser's error types, answered with fixed messages that never echo the body. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON' },
  'encoding.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'Unsupported content encoding' },
  'charset.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'Unsupported charset' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'Request aborted' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'Request size did not match Content-Length' },
};

/**
 * Express's default handler answers with an HTML page and a stack trace: every error
 * that escapes a route ends here instead, as a JSON GraphQL error body.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = BODY_ERRORS[(error as { type?: string }).type ?? ''];
    if (known) {
      res.status(known.status).json(graphqlErrorBody(known.message, known.code));
      return;
    }
    // http-errors marked `expose` (graphql-upload's malformed or oversized multipart requests):
    // their messages describe the request's shape, never its content.
    const { status, expose, message } = error as { status?: number; expose?: boolean; message?: string };
    if (expose && typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(graphqlErrorBody(message ?? 'Bad request', status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT'));
      return;
    }
    log.error({ err: error, requestId: req.id }, 'unhandled error in HTTP pipeline');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.id } }] });
  };
}
