/**
 * One behaviour suite, run against every pub/sub driver: memory (always), Redis (a throwaway
 * redis-server, when the binary is installed) and Postgres LISTEN/NOTIFY (the server Postgres
 * of DATABASE_URL, when set; NOTIFY needs no database of its own, so the URL is used as is).
 * Each "process" is a separate PubSub instance with its own connections.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../../src/errors.js';
import { createLogger, type Logger } from '../../src/logger.js';
import {
  channelFor,
  createPubSub,
  MAX_NOTIFY_BYTES,
  MAX_PENDING,
  MemoryPubSub,
  PostgresPubSub,
  PubSubOverflowError,
  type PubSub,
} from '../../src/platform/pubsub/index.js';
import { hasRedisServer, startRedis } from '../support/redis.js';
import { until } from '../support/timing.js';

const silent = createLogger('silent');
const databaseUrl = process.env.DATABASE_URL;

/** A fresh topic per test: Redis and Postgres channels outlive a test. */
const newTopic = (label: string) => `test:${label}:${randomUUID()}`;

/** The next `count` values of `iterator`; fails if they do not all arrive within `timeoutMs`. */
async function take<T>(iterator: AsyncIterator<T>, count: number, timeoutMs = 10_000): Promise<T[]> {
  const values: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`received ${values.length} of ${count} messages in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    while (values.length < count) {
      const result = await Promise.race([iterator.next(), timeout]);
      if (result.done) throw new Error(`iterator ended after ${values.length} of ${count} messages`);
      values.push(result.value);
    }
    return values;
  } finally {
    clearTimeout(timer);
  }
}

/** A logger whose output the test can read. */
function captureLog(): { log: Logger; raw: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { log: createLogger('debug', stream), raw: () => chunks.join('') };
}

interface Traits {
  /** Whether two instances see each other's messages (not so for memory). */
  shared: boolean;
  /** Whether iterators buffer at most MAX_PENDING messages (memory is unbounded, as before). */
  bounded: boolean;
}

interface Driver {
  /** A new "process" on the shared backend. */
  open(): Promise<PubSub>;
  /** How many backend subscriptions `pubsub` holds on `topic`, where the backend can tell. */
  backendSubscriptions?(pubsub: PubSub, topic: string): Promise<number>;
}

/** `driver` is read when a test runs: backends start in beforeAll. */
function behavesAsPubSub(traits: Traits, driver: () => Driver) {
  const opened: PubSub[] = [];
  const open = async () => {
    const pubsub = await driver().open();
    opened.push(pubsub);
    return pubsub;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pubsub) => pubsub.close()));
  });

  it('delivers a message published after subscribeReady to every subscriber of its topic, and only to them', async () => {
    const pubsub = await open();
    const [news, other] = [newTopic('news'), newTopic('other')];
    const first = await pubsub.subscribeReady<{ n: number }>(news);
    const second = await pubsub.subscribeReady<{ n: number }>(news);
    const bystander = await pubsub.subscribeReady<{ n: number }>(other);

    await pubsub.publish(news, { n: 1, text: 'héllo', list: [1, null, 'two'] });
    // Published after the first: had `other` received it, it would come out before this one.
    await pubsub.publish(other, { n: 2 });

    expect(await take(first, 1)).toEqual([{ n: 1, text: 'héllo', list: [1, null, 'two'] }]);
    expect(await take(second, 1)).toEqual([{ n: 1, text: 'héllo', list: [1, null, 'two'] }]);
    expect(await take(bystander, 1)).toEqual([{ n: 2 }]);
  });

  it('accepts topics of any length and characters', async () => {
    const pubsub = await open();
    const topic = `${newTopic('long')}:${'ü'.repeat(200)} "quoted"; DROP`;
    const iterator = await pubsub.subscribeReady<string>(topic);
    await pubsub.publish(topic, 'ok');
    expect(await take(iterator, 1)).toEqual(['ok']);
  });

  it('keeps the order of 1,000 messages', async () => {
    const pubsub = await open();
    const topic = newTopic('order');
    const iterator = await pubsub.subscribeReady<number>(topic);
    const received = take(iterator, 1000);
    for (let n = 0; n < 1000; n++) await pubsub.publish(topic, n);
    expect(await received).toEqual(Array.from({ length: 1000 }, (_, n) => n));
  });

  it('keeps the order of publishes issued without waiting for each other', async () => {
    const pubsub = await open();
    const topic = newTopic('burst');
    const iterator = await pubsub.subscribeReady<number>(topic);
    const received = take(iterator, 500);
    await Promise.all(Array.from({ length: 500 }, (_, n) => pubsub.publish(topic, n)));
    expect(await received).toEqual(Array.from({ length: 500 }, (_, n) => n));
  });

  // Each memory pub/sub is a process of its own.
  if (traits.shared) it('delivers across processes', async () => {
    const [one, two] = [await open(), await open()];
    const topic = newTopic('shared');
    const atOne = await one.subscribeReady<string>(topic);
    const atTwo = await two.subscribeReady<string>(topic);

    await one.publish(topic, 'from one');
    await two.publish(topic, 'from two');

    expect(await take(atOne, 2)).toEqual(['from one', 'from two']);
    expect(await take(atTwo, 2)).toEqual(['from one', 'from two']);
  });

  it('stops delivery when an iterator is returned or its signal aborts, and releases the backend subscription after the last', async () => {
    const pubsub = await open();
    const topic = newTopic('leave');
    const count = () => driver().backendSubscriptions?.(pubsub, topic);
    const returned = await pubsub.subscribeReady<number>(topic);
    const controller = new AbortController();
    const aborted = await pubsub.subscribeReady<number>(topic, controller.signal);
    // One backend subscription however many local subscribers (undefined: not observable).
    if (driver().backendSubscriptions) expect(await count()).toBe(1);

    await returned.return?.();
    await pubsub.publish(topic, 1);
    expect(await take(aborted, 1)).toEqual([1]);
    expect(await returned.next()).toEqual({ done: true, value: undefined });
    if (driver().backendSubscriptions) expect(await count()).toBe(1);

    controller.abort();
    await pubsub.publish(topic, 2);
    expect(await aborted.next()).toEqual({ done: true, value: undefined });
    if (driver().backendSubscriptions) await until(async () => (await count()) === 0);

    // Released, then taken again for a new subscriber.
    const again = await pubsub.subscribeReady<number>(topic);
    if (driver().backendSubscriptions) expect(await count()).toBe(1);
    await pubsub.publish(topic, 3);
    expect(await take(again, 1)).toEqual([3]);
  });

  it('keeps the backend subscription right through subscribe/unsubscribe churn', async () => {
    const pubsub = await open();
    const topic = newTopic('churn');
    // Each subscribe takes the backend subscription and each return releases it, at varying
    // moments, so that a take or release is often still in flight when the next call comes.
    for (let round = 0; round < 30; round++) {
      const iterator = pubsub.subscribe<number>(topic);
      if (round % 3 === 1) await Promise.resolve();
      if (round % 3 === 2) await new Promise((resolve) => setImmediate(resolve));
      await iterator.return?.();
    }
    // The backends take (un)subscribe calls in order on one connection: once another topic's
    // subscription is in effect, a take issued by the churn has arrived, and must be released.
    await (await pubsub.subscribeReady(newTopic('barrier'))).return?.();
    if (driver().backendSubscriptions) await until(async () => (await driver().backendSubscriptions?.(pubsub, topic)) === 0);

    const survivor = await pubsub.subscribeReady<number>(topic);
    await pubsub.publish(topic, 1);
    expect(await take(survivor, 1)).toEqual([1]);
    if (driver().backendSubscriptions) expect(await driver().backendSubscriptions?.(pubsub, topic)).toBe(1);

    await survivor.return?.();
    if (driver().backendSubscriptions) await until(async () => (await driver().backendSubscriptions?.(pubsub, topic)) === 0);
  });

  it('ends a pending next() quietly when the signal aborts', async () => {
    const pubsub = await open();
    const controller = new AbortController();
    const iterator = await pubsub.subscribeReady<number>(newTopic('abort'), controller.signal);
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('gives an ended iterator for an already aborted signal', async () => {
    const pubsub = await open();
    const topic = newTopic('aborted');
    const late = await pubsub.subscribeReady<number>(topic, AbortSignal.abort());
    expect(await late.next()).toEqual({ done: true, value: undefined });
    expect(await pubsub.subscribe<number>(topic, AbortSignal.abort()).next()).toEqual({ done: true, value: undefined });
  });

  it('close() ends every iterator, including pending next() calls', async () => {
    const pubsub = await open();
    const [a, b] = [newTopic('close-a'), newTopic('close-b')];
    const first = await pubsub.subscribeReady<number>(a);
    const second = await pubsub.subscribeReady<number>(b);
    const pending = first.next();

    await pubsub.close();

    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await second.next()).toEqual({ done: true, value: undefined });
    expect(await pubsub.subscribe<number>(a).next()).toEqual({ done: true, value: undefined });
  });

  // The memory driver buffers without a cap, as before.
  if (traits.bounded) it(`ends an iterator that falls ${MAX_PENDING} messages behind with PubSubOverflowError, not the others`, async () => {
    const pubsub = await open();
    const topic = newTopic('overflow');
    const slow = await pubsub.subscribeReady<number>(topic);
    const fast = await pubsub.subscribeReady<number>(topic);
    const received = take(fast, MAX_PENDING + 1, 25_000);
    await Promise.all(Array.from({ length: MAX_PENDING + 1 }, (_, n) => pubsub.publish(topic, n)));
    // Every message reaches both in the same delivery, so once `fast` has the last, `slow` overflowed.
    expect((await received).at(-1)).toBe(MAX_PENDING);

    const error = await slow.next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PubSubOverflowError);
    expect(error).toMatchObject({ code: 'SUBSCRIPTION_OVERFLOW' });
    expect(await slow.next()).toEqual({ done: true, value: undefined });

    await pubsub.publish(topic, -1);
    expect(await take(fast, 1)).toEqual([-1]);
  }, 30_000);
}

describe('pub/sub: memory', () => {
  behavesAsPubSub({ shared: false, bounded: false }, () => ({ open: () => createPubSub({ driver: 'memory' }, silent) }));

  it('is the memory implementation', async () => {
    expect(await createPubSub({ driver: 'memory' }, silent)).toBeInstanceOf(MemoryPubSub);
  });
});

describe.runIf(hasRedisServer)('pub/sub: redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  /** A separate connection that inspects the server. */
  let admin: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    await admin?.quit();
    await redis?.stop();
  });

  behavesAsPubSub({ shared: true, bounded: true }, () => ({
    open: () => createPubSub({ driver: 'redis', url: redis.url }, silent),
    async backendSubscriptions(_pubsub, topic) {
      const [, count] = (await admin.pubsub('NUMSUB', `plugboard:${topic}`)) as [string, number];
      return count;
    },
  }));

  it('uses one subscriber connection per process, whatever the number of topics', async () => {
    const pubsub = await createPubSub({ driver: 'redis', url: redis.url }, silent);
    try {
      const subscriberConnections = async () => ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes('name=plugboard-pubsub-sub')).length;
      const topics = [newTopic('a'), newTopic('b'), newTopic('c')];
      for (const topic of topics) await pubsub.subscribeReady(topic);
      await pubsub.subscribeReady(topics[0]!);
      expect(await subscriberConnections()).toBe(1);
      const channels = (await admin.pubsub('CHANNELS', 'plugboard:test:*')) as string[];
      expect(channels).toEqual(expect.arrayContaining(topics.map((topic) => `plugboard:${topic}`)));
    } finally {
      await pubsub.close();
    }
  });
});

describe.runIf(Boolean(databaseUrl))('pub/sub: postgres', () => {
  const url = databaseUrl ?? '';
  behavesAsPubSub({ shared: true, bounded: true }, () => ({
    open: () => createPubSub({ driver: 'postgres', connectionString: url }, silent),
    async backendSubscriptions(pubsub, topic) {
      if (!(pubsub instanceof PostgresPubSub)) throw new Error('not the postgres driver');
      return (await pubsub.listeningChannels()).filter((channel) => channel === channelFor(topic)).length;
    },
  }));

  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  it(`rejects a payload over ${MAX_NOTIFY_BYTES} bytes with PAYLOAD_TOO_LARGE, and delivers one of exactly that size`, async () => {
    const pubsub = await createPubSub({ driver: 'postgres', connectionString: url }, silent);
    try {
      const topic = newTopic('size');
      const iterator = await pubsub.subscribeReady<string>(topic);
      const largest = 'x'.repeat(MAX_NOTIFY_BYTES - 2); // JSON adds the two quotes
      const tooLarge = pubsub.publish(topic, `${largest}x`);
      await expect(tooLarge).rejects.toBeInstanceOf(PayloadTooLargeError);
      await expect(tooLarge).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      await pubsub.publish(topic, largest);
      expect(await take(iterator, 1)).toEqual([largest]);
    } finally {
      await pubsub.close();
    }
  });

  it('reconnects a killed listener session, LISTENs again, and delivery resumes', async () => {
    const applicationName = `pubsub-test-${randomUUID().slice(0, 8)}`;
    const { log, raw } = captureLog();
    const listener = await new PostgresPubSub({ connectionString: url, log, applicationName }).connect();
    const publisher = await createPubSub({ driver: 'postgres', connectionString: url }, silent);
    try {
      const topic = newTopic('reconnect');
      const iterator = await listener.subscribeReady<{ ping: number }>(topic);
      const sessions = async () =>
        (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rows.map((row) => row.pid);
      const [before] = await sessions();
      expect(before).toBeTypeOf('number');

      await admin.query('SELECT pg_terminate_backend($1)', [before]);

      // Publish until one gets through: those sent while the listener is down are lost.
      let received: { ping: number } | undefined;
      void iterator.next().then((result) => (received = result.done ? undefined : result.value));
      let ping = 0;
      await until(async () => {
        await publisher.publish(topic, { ping: ++ping });
        return received !== undefined;
      }, 15_000);
      expect(received?.ping).toBeGreaterThan(0);

      const after = await sessions();
      expect(after).toHaveLength(1);
      expect(after[0]).not.toBe(before);
      expect(await listener.listeningChannels()).toEqual([channelFor(topic)]);
      expect(raw()).toContain('listener connection lost');
      expect(raw()).toContain('listener reconnected');
    } finally {
      await Promise.all([listener.close(), publisher.close()]);
    }
  });
});

describe('createPubSub: an unreachable backend fails at start', () => {
  it('redis: names the cause, never the password', async () => {
    const { log, raw } = captureLog();
    const error = await createPubSub({ driver: 'redis', url: 'redis://:hunter2@127.0.0.1:1' }, log).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot connect to Redis for pub\/sub: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('hunter2');
    expect(raw()).not.toContain('hunter2');
  });

  it('postgres: names the cause, never the password', async () => {
    const { log, raw } = captureLog();
    const error = await createPubSub({ driver: 'postgres', connectionString: 'postgresql://postgres:hunter2@127.0.0.1:1/plugboard' }, log).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot connect to Postgres for pub\/sub: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('hunter2');
    expect(raw()).not.toContain('hunter2');
  });
});
