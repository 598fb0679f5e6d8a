import { readFile } from 'node:fs/promises';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

describe('GraphQL over HTTP spec (graphql-http audit)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('passes every MUST, and the README explains each SHOULD/MAY it does not pass', async () => {
    const results = await auditServer({ url: server.url });
    const errors = results.filter((r) => r.status === 'error');
    expect(errors.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);

    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const unexplained = results.filter((r) => (r.status === 'warn' || r.status === 'notice') && !readme.includes(r.id));
    expect(unexplained.map((r) => `${r.id} ${r.name}`)).toEqual([]);
  });
});
