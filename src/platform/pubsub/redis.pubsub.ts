import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { PubSub } from './pubsub.js';
import { TopicFanout } from './topic-fanout.js';

export interface RedisPubSubOptions {
  /** May carry a password: it is never logged nor put in an error message. */
  url: string;
  log: Logger;
  /** Prepended to every channel name, so deployments sharing a Redis stay apart. */
  prefix?: string;
  /** Pending messages per iterator before it ends with PubSubOverflowError (default 10,000). */
  maxPending?: number;
}

/**
 * Pub/sub across gateway processes over Redis PUBLISH/SUBSCRIBE. Two connections per process:
 * a subscriber connection is stuck in subscribe mode, so publishing needs its own. Every local
 * iterator of a topic shares one Redis subscription (see TopicFanout).
 *
 * ioredis reconnects by itself and re-subscribes every channel; messages published while the
 * subscriber connection is down are lost (Redis pub/sub keeps nothing). Not for Redis Cluster.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanout: TopicFanout;
  private readonly prefix: string;
  private readonly log: Logger;
  private closed = false;
  /** False until connect() succeeded: before that, failures are connect()'s to report. */
  private connected = false;
  /** ioredis rejects connect() with a bare "Connection is closed."; the cause came as an 'error' event. */
  private lastError: unknown;

  constructor({ url, log, prefix = 'plugboard:', maxPending }: RedisPubSubOptions) {
    this.prefix = prefix;
    this.log = log;
    // lazyConnect: connect() reports a wrong URL to the caller instead of retrying in the background.
    this.publisher = new Redis(url, { lazyConnect: true, connectionName: 'plugboard-pubsub-pub' });
    this.subscriber = new Redis(url, { lazyConnect: true, connectionName: 'plugboard-pubsub-sub' });
    this.watch(this.publisher, 'publisher');
    this.watch(this.subscriber, 'subscriber');
    this.subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
    this.fanout = new TopicFanout(
      {
        // ioredis resolves SUBSCRIBE once Redis acknowledged it: from then on messages arrive.
        listen: async (topic) => {
          await this.subscriber.subscribe(this.prefix + topic);
        },
        unlisten: async (topic) => {
          await this.subscriber.unsubscribe(this.prefix + topic).catch((error: unknown) => {
            this.log.warn({ error: describe(error) }, 'redis pub/sub: UNSUBSCRIBE failed');
          });
        },
      },
      maxPending,
    );
  }

  /** Opens both connections and checks them; rejects with a clear message (never the URL). */
  async connect(): Promise<this> {
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await this.publisher.ping();
    } catch (error) {
      this.closed = true;
      this.publisher.disconnect();
      this.subscriber.disconnect();
      throw new Error(`Cannot connect to Redis for pub/sub: ${describe(this.lastError ?? error)}`);
    }
    this.connected = true;
    return this;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error('pub/sub is closed');
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload ?? null));
  }

  subscribe<T>(topic: string, signal?: AbortSignal): AsyncIterableIterator<T> {
    return this.fanout.subscribe<T>(topic, signal).iterator;
  }

  async subscribeReady<T>(topic: string, signal?: AbortSignal): Promise<AsyncIterableIterator<T>> {
    const { iterator, ready } = this.fanout.subscribe<T>(topic, signal);
    await ready;
    return iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fanout.close();
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(this.prefix)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      // Someone else publishing on our prefix: drop it rather than break every subscriber.
      this.log.warn({ channel }, 'redis pub/sub: dropped a message that is not JSON');
      return;
    }
    this.fanout.deliver(channel.slice(this.prefix.length), payload);
  }

  /** Logs a lost connection once (ioredis retries every few seconds), and its recovery. */
  private watch(client: Redis, role: string): void {
    let healthy = true;
    const lost = (error?: unknown) => {
      if (error !== undefined) this.lastError = error;
      if (!healthy || !this.connected || this.closed) return;
      healthy = false;
      this.log.warn({ role, error: error === undefined ? undefined : describe(error) }, 'redis pub/sub: connection lost, reconnecting');
    };
    client.on('error', lost);
    client.on('close', () => lost());
    client.on('ready', () => {
      if (healthy) return;
      healthy = true;
      this.log.info({ role }, 'redis pub/sub: connection restored');
    });
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  await client.quit().catch(() => client.disconnect());
}

/**
 * Only the message: ioredis errors can carry the failed command with its arguments
 * (for AUTH, the password), so the error object itself is never logged.
 */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
