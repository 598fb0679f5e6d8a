import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry secrets anywhere in a log line. pino replaces them before
 * serialisation, so a careless `log.info({ req })` cannot leak a token.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  // OAuth: the redirect to the app carries the session token in its fragment.
  'res.headers.location',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  'variables.*.password',
  'variables.*.token',
  'connectionParams.authorization',
  'connectionParams.Authorization',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'plugboard' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}
