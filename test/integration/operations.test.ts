import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

describe('operations endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('echoes a well-formed x-request-id and logs the request under it', async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(server.logs.some((line) => line.includes('"trace-abc-123"'))).toBe(true);
    const spoofed = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(spoofed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers /healthz while alive and /readyz 503 once the database is gone', async () => {
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    await server.plugboard.deps.orm.close(true);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'database unreachable' });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
