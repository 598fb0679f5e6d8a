import type { Logger } from '../../logger.js';
import { MemoryPubSub } from './memory.pubsub.js';
import { PostgresPubSub } from './postgres.pubsub.js';
import type { PubSub } from './pubsub.js';
import { RedisPubSub } from './redis.pubsub.js';

export { MemoryPubSub } from './memory.pubsub.js';
export { channelFor, MAX_NOTIFY_BYTES, PostgresPubSub, type PostgresPubSubOptions } from './postgres.pubsub.js';
export { PubSubOverflowError, type PubSub } from './pubsub.js';
export { MAX_PENDING } from './topic-fanout.js';
export { RedisPubSub, type RedisPubSubOptions } from './redis.pubsub.js';

export type PubSubConfig = { driver: 'memory' } | { driver: 'redis'; url: string } | { driver: 'postgres'; connectionString: string };

/**
 * The configured pub/sub, connected: a wrong URL or password fails here, at start, with an
 * Error that names the cause but not the URL (it may hold a password).
 */
export async function createPubSub(config: PubSubConfig, log: Logger): Promise<PubSub> {
  switch (config.driver) {
    case 'memory':
      return new MemoryPubSub();
    case 'redis':
      return new RedisPubSub({ url: config.url, log }).connect();
    case 'postgres':
      return new PostgresPubSub({ connectionString: config.connectionString, log }).connect();
  }
}
