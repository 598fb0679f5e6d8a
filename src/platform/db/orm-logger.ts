import type { LogContext, Logger as OrmLogger, LoggerNamespace } from '@mikro-orm/core';
import type { Logger } from '../../logger.js';

/**
 * Routes MikroORM's messages into pino instead of the console. SQL text is logged only
 * at `trace` (it may carry parameter values); `onQuery` sees every statement, which is
 * how tests count round trips.
 */
export function createOrmLogger(log: Logger, onQuery?: (sql: string) => void): OrmLogger {
  const orm = log.child({ component: 'mikro-orm' });
  return {
    log: (namespace, message) => orm.debug({ namespace }, message),
    warn: (namespace, message) => orm.warn({ namespace }, message),
    error: (namespace, message) => orm.error({ namespace }, message),
    logQuery(context: LogContext) {
      if (context.query) onQuery?.(context.query);
      if (context.level === 'error') orm.warn({ took: context.took }, 'query failed');
      else orm.trace({ sql: context.query, took: context.took }, 'query');
    },
    setDebugMode: () => {},
    isEnabled: (namespace: LoggerNamespace) => namespace !== 'query-params',
  };
}
