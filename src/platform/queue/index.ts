import type { Logger } from '../../logger.js';
import { InlineQueue } from './inline.queue.js';
import { PgBossQueue } from './pgboss.queue.js';
import type { JobQueue } from './queue.js';

export { InlineQueue } from './inline.queue.js';
export { PgBossQueue, type PgBossQueueOptions } from './pgboss.queue.js';
export * from './queue.js';

export type QueueConfig =
  | { driver: 'inline' }
  | { driver: 'postgres'; connectionString: string; schema?: string; pollingIntervalSeconds?: number };

/** The configured queue, ready to use: for 'postgres', pg-boss is started (and its schema created). */
export async function createQueue(config: QueueConfig, log: Logger): Promise<JobQueue> {
  if (config.driver === 'inline') return new InlineQueue(log);
  const { connectionString, schema, pollingIntervalSeconds } = config;
  return new PgBossQueue({ connectionString, schema, pollingIntervalSeconds, log }).start();
}
