import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/client.js';
import { PASSWORD, SignUp } from '../support/factories.js';
import { hasRedisServer, startRedis } from '../support/redis.js';
import { startTestServer, type TestServer } from '../support/server.js';

// `.ci/run` installs redis-server, so CI always runs this; a laptop without it skips.
describe.runIf(hasRedisServer)('rate limits on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, PLUGBOARD_RATE_LIMIT_SCALE: '1' };
    [first, second] = await Promise.all([startTestServer({ env }), startTestServer({ env })]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await redis?.stop();
  });

  it('shares one limit between two gateway processes', async () => {
    const signUp = (url: string, n: number) => request(url, SignUp, { input: { email: `shared-${n}@example.test`, name: 'S', password: PASSWORD } });
    for (let n = 0; n < 10; n++) {
      const response = await signUp(n % 2 === 0 ? first.url : second.url, n);
      expect(response.body.errors, `sign-up ${n}`).toBeUndefined();
    }
    const refused = await signUp(second.url, 10);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const alsoRefused = await signUp(first.url, 11);
    expect(alsoRefused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('lets calls through, logged, while Redis is down', async () => {
    await redis.stop();
    const during = await request(first.url, SignUp, { input: { email: 'during-outage@example.test', name: 'D', password: PASSWORD } });
    expect(during.body.errors).toBeUndefined();
    expect(first.logs.some((line) => line.includes('rate-limit store unavailable'))).toBe(true);
  });
});
