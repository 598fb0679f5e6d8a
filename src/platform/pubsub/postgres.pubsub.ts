import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PayloadTooLargeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PubSub } from './pubsub.js';
import { TopicFanout } from './topic-fanout.js';

export interface PostgresPubSubOptions {
  /** May carry a password: it is never logged nor put in an error message. */
  connectionString: string;
  log: Logger;
  /** The listener session's name in pg_stat_activity (the publisher's gets `-publish` appended). */
  applicationName?: string;
  /** Pending messages per iterator before it ends with PubSubOverflowError (default 10,000). */
  maxPending?: number;
}

/** Postgres refuses a NOTIFY payload of 8000 bytes or more (NOTIFY_PAYLOAD_MAX_LENGTH). */
export const MAX_NOTIFY_BYTES = 7999;

/**
 * The channel a topic is LISTENed on. Identifiers stop at 63 bytes and topics are free text,
 * so a topic maps to a hash: lowercase hex needs no quoting, and 160 bits do not collide.
 */
export function channelFor(topic: string): string {
  return `pb_${createHash('sha256').update(topic).digest('hex').slice(0, 40)}`;
}

const CONNECT_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Pub/sub across gateway processes over Postgres LISTEN/NOTIFY, for deployments without Redis.
 * One dedicated listener session per process (every local iterator of a topic shares its
 * LISTEN, see TopicFanout); if it drops, it is reopened with backoff and every active channel
 * LISTENed again. Notifications sent while it is down are lost.
 *
 * The listener must be a real session: through PgBouncer in transaction mode LISTEN does not work.
 */
export class PostgresPubSub implements PubSub {
  private readonly options: PostgresPubSubOptions;
  private readonly log: Logger;
  private readonly fanout: TopicFanout;
  /**
   * Publishing uses its own pool rather than the listener session: a publish then does not
   * wait for (or fail with) a listener reconnect, and the pool replaces a broken connection
   * by itself. One connection, not two: a session's queries run in the order issued, so even
   * publishes not awaited one by one are delivered in order, as with Redis and memory.
   */
  private readonly pool: pg.Pool;
  /** channel → topic, for every channel that should be LISTENed (survives reconnects). */
  private readonly channels = new Map<string, string>();
  /** The current listener session, or the reconnect that will provide the next one. */
  private listener: Promise<pg.Client>;
  /** The listener session while it is up. */
  private current?: pg.Client;
  private readonly stopping = new AbortController();

  constructor(options: PostgresPubSubOptions) {
    this.options = options;
    this.log = options.log;
    this.listener = closedListener('connect() was not called');
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: 1,
      application_name: `${options.applicationName ?? 'plugboard-pubsub'}-publish`,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle pooled connection that dies emits 'error' on the pool; unhandled, it would crash.
    this.pool.on('error', (error) => this.log.warn({ error: error.message }, 'postgres pub/sub: publisher connection lost'));
    this.fanout = new TopicFanout({ listen: (topic) => this.listen(topic), unlisten: (topic) => this.unlisten(topic) }, options.maxPending);
  }

  /** Opens the listener session and checks publishing; rejects with a clear message (never the URL). */
  async connect(): Promise<this> {
    try {
      this.listener = this.openListener();
      await this.listener;
      await this.pool.query('SELECT 1');
    } catch (error) {
      await this.close();
      throw new Error(`Cannot connect to Postgres for pub/sub: ${describe(error)}`);
    }
    return this;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    if (this.stopping.signal.aborted) throw new Error('pub/sub is closed');
    const json = JSON.stringify(payload ?? null);
    const bytes = Buffer.byteLength(json);
    if (bytes > MAX_NOTIFY_BYTES) {
      throw new PayloadTooLargeError(`Pub/sub payload is ${bytes} bytes; Postgres NOTIFY carries at most ${MAX_NOTIFY_BYTES}`, { bytes, limit: MAX_NOTIFY_BYTES });
    }
    await this.pool.query('SELECT pg_notify($1, $2)', [channelFor(topic), json]);
  }

  subscribe<T>(topic: string, signal?: AbortSignal): AsyncIterableIterator<T> {
    return this.fanout.subscribe<T>(topic, signal).iterator;
  }

  async subscribeReady<T>(topic: string, signal?: AbortSignal): Promise<AsyncIterableIterator<T>> {
    const { iterator, ready } = this.fanout.subscribe<T>(topic, signal);
    await ready;
    return iterator;
  }

  /** What the listener session LISTENs to, as Postgres reports it (for tests and diagnostics). */
  async listeningChannels(): Promise<string[]> {
    const client = await this.listener;
    const { rows } = await client.query<{ channel: string }>('SELECT pg_listening_channels() AS channel');
    return rows.map((row) => row.channel);
  }

  async close(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    this.fanout.close();
    const client = this.current;
    this.current = undefined;
    // Anyone waiting for a session (listen, unlisten) now gets an error instead of a dead client.
    this.listener = closedListener('pub/sub is closed');
    await Promise.allSettled([client?.end(), this.pool.end()]);
  }

  private async listen(topic: string): Promise<void> {
    const channel = channelFor(topic);
    this.channels.set(channel, topic);
    for (;;) {
      const client = await this.listener;
      try {
        await client.query(`LISTEN ${channel}`);
        return;
      } catch (error) {
        // A live session refused: a real error. A session that died meanwhile has been
        // replaced (lost() swaps `listener` first): its successor LISTENs, so try that one.
        if (client === this.current || this.stopping.signal.aborted) {
          this.channels.delete(channel);
          throw error;
        }
      }
    }
  }

  private async unlisten(topic: string): Promise<void> {
    const channel = channelFor(topic);
    this.channels.delete(channel);
    let client: pg.Client;
    try {
      // Waits out a reconnect: the new session may have LISTENed the channel before it was dropped here.
      client = await this.listener;
    } catch {
      return; // closed
    }
    await client.query(`UNLISTEN ${channel}`).catch((error: unknown) => {
      if (client === this.current) this.log.warn({ error: describe(error) }, 'postgres pub/sub: UNLISTEN failed');
    });
  }

  /** A connected session LISTENing to every wanted channel. */
  private async openListener(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? 'plugboard-pubsub',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // The session only ever receives: without keepalive a silently dropped link goes unnoticed.
      keepAlive: true,
    });
    client.on('notification', ({ channel, payload }) => this.receive(channel, payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      const channels = [...this.channels.keys()];
      if (channels.length > 0) await client.query(channels.map((channel) => `LISTEN ${channel};`).join(' '));
      if (this.stopping.signal.aborted) throw new Error('pub/sub is closed');
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.current = client;
    return client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.current) return; // an old session, or one that never finished opening
    this.current = undefined;
    client.end().catch(() => {});
    this.log.warn({ error: error?.message, channels: this.channels.size }, 'postgres pub/sub: listener connection lost, reconnecting');
    this.listener = this.reconnect();
    this.listener.catch(() => {}); // only rejects on close(), and waiters handle that
  }

  private async reconnect(): Promise<pg.Client> {
    for (let attempt = 1; ; attempt++) {
      // Exponential with jitter, so a fleet of gateways does not reconnect in lockstep after a restart.
      const delay = Math.min(100 * 2 ** (attempt - 1), MAX_BACKOFF_MS) * (0.5 + Math.random() / 2);
      await sleep(delay, undefined, { signal: this.stopping.signal });
      try {
        const client = await this.openListener();
        this.log.info({ attempt, channels: this.channels.size }, 'postgres pub/sub: listener reconnected');
        return client;
      } catch (error) {
        if (this.stopping.signal.aborted) throw error;
        this.log.warn({ attempt, error: describe(error) }, 'postgres pub/sub: listener reconnect failed');
      }
    }
  }

  private receive(channel: string, payload: string | undefined): void {
    const topic = this.channels.get(channel);
    if (topic === undefined) return;
    let message: unknown;
    try {
      message = JSON.parse(payload ?? '');
    } catch {
      this.log.warn({ channel }, 'postgres pub/sub: dropped a notification that is not JSON');
      return;
    }
    this.fanout.deliver(topic, message);
  }
}

/** A rejected listener promise whose rejection is already handled (awaiters still see it). */
function closedListener(reason: string): Promise<pg.Client> {
  const closed = Promise.reject(new Error(reason));
  closed.catch(() => {});
  return closed;
}

/** Only the message: driver errors never carry the connection string, but objects may grow fields. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
