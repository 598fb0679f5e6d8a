import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', subgraphs: ['identity', 'apps', 'tools', 'files', 'mail', 'extensions', 'workflows'], introspection: true, maxBodyBytes: 1_048_576 });
    expect(config.outbound).toEqual({ allow: [], connectTimeoutMs: 10_000, totalTimeoutMs: 60_000, maxResponseBytes: 10_485_760 });
    expect(config.tools.maxOperations).toBe(100);
    expect(config.secretKey).toBeUndefined();
    expect(config.files).toMatchObject({ storage: { driver: 'local', root: expect.stringMatching(/\/data\/files$/) }, maxBytes: 268_435_456, maxFiles: 10, urlTtlMs: 900_000 });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.database.url).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PLUGBOARD_SUBGRAPHS: 'identity,nope' }, 'PLUGBOARD_SUBGRAPHS'],
    [{ PLUGBOARD_INTROSPECTION: 'maybe' }, 'PLUGBOARD_INTROSPECTION'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PLUGBOARD_TRUST_PROXY: 'not-an-address' }, 'PLUGBOARD_TRUST_PROXY'],
    [{ PLUGBOARD_SESSION_TTL: '500y' }, 'PLUGBOARD_SESSION_TTL'],
    [{ PLUGBOARD_SESSION_TTL: 'soon' }, 'PLUGBOARD_SESSION_TTL'],
    [{ PLUGBOARD_SHUTDOWN_TIMEOUT_MS: '99999999999' }, 'PLUGBOARD_SHUTDOWN_TIMEOUT_MS'],
    [{ PLUGBOARD_SECRET_KEY: 'too-short' }, 'PLUGBOARD_SECRET_KEY'],
    [{ PLUGBOARD_TOOL_TIMEOUT_MS: '5' }, 'PLUGBOARD_TOOL_TIMEOUT_MS'],
    [{ PLUGBOARD_OPENAPI_MAX_OPERATIONS: '0' }, 'PLUGBOARD_OPENAPI_MAX_OPERATIONS'],
    [{ PLUGBOARD_STORAGE: 'ftp' }, 'PLUGBOARD_STORAGE'],
    [{ PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1,not a host' }, 'PLUGBOARD_OUTBOUND_ALLOW'],
    [{ PLUGBOARD_FILE_URL_TTL: '30d' }, 'PLUGBOARD_FILE_URL_TTL'],
  ])('refuses %o with one line naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(variable);
      expect(message).not.toContain('\n');
    }
  });

  it('reads the secret key as base64 or hex, and the outbound allow-list as a list', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ PLUGBOARD_SECRET_KEY: hex }).secretKey).toEqual(Buffer.from(hex, 'hex'));
    const base64 = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ PLUGBOARD_SECRET_KEY: base64 }).secretKey).toEqual(Buffer.alloc(32, 9));
    expect(loadConfig({ PLUGBOARD_OUTBOUND_ALLOW: ' 127.0.0.1, 10.0.0.0/8 ,api.internal' }).outbound.allow).toEqual(['127.0.0.1', '10.0.0.0/8', 'api.internal']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });
});

describe('loadConfig: OAuth providers', () => {
  it('stops on a half-configured provider, naming the variable', () => {
    expect(() => loadConfig({ OAUTH_GITHUB_CLIENT_ID: 'id' })).toThrow(/OAUTH_GITHUB_CLIENT_SECRET/);
    expect(() => loadConfig({ OAUTH_OIDC_CLIENT_ID: 'id', OAUTH_OIDC_CLIENT_SECRET: 's' })).toThrow(/OAUTH_OIDC_ISSUER/);
  });

  it('enables a provider only when configured, and derives the public URL from HOST and PORT', () => {
    expect(loadConfig({}).oauth.github).toBeUndefined();
    const config = loadConfig({ OAUTH_GITHUB_CLIENT_ID: 'id', OAUTH_GITHUB_CLIENT_SECRET: 'secret', PORT: '5000' });
    expect(config.oauth.github).toMatchObject({ clientId: 'id', webUrl: 'https://github.com', apiUrl: 'https://api.github.com' });
    expect(config.publicUrl).toBe('http://127.0.0.1:5000');
  });
});

describe('loadConfig: mail and queue', () => {
  it('defaults to the outbox under the data folder and the inline queue', () => {
    const config = loadConfig({});
    expect(config.mail.transport).toEqual({ driver: 'outbox', dir: expect.stringMatching(/\/data\/outbox$/) });
    expect(config.mail).toMatchObject({ from: { email: 'no-reply@plugboard.localhost', name: 'Plugboard' }, maxAttempts: 6, retryDelayMs: 30_000, signInLinks: false });
    expect(config.queue.driver).toBe('inline');
  });

  it('picks the pub/sub: memory for one process, Postgres with the shared queue unless told otherwise', () => {
    expect(loadConfig({}).pubsub).toBe('memory');
    expect(loadConfig({ PLUGBOARD_QUEUE: 'postgres', DATABASE_URL: 'postgres://db/x' }).pubsub).toBe('postgres');
    expect(loadConfig({ PLUGBOARD_QUEUE: 'postgres', DATABASE_URL: 'postgres://db/x', PLUGBOARD_PUBSUB: 'redis', REDIS_URL: 'redis://cache:6379' }).pubsub).toBe('redis');
    expect(loadConfig({}).workflows).toEqual({ maxActiveRuns: 10, concurrency: 8, nodeTimeoutMs: 120_000, runTimeoutMs: 1_800_000, leaseMs: 60_000, maxDepth: 3, codeNodes: true });
    expect(loadConfig({ PLUGBOARD_WORKFLOW_CODE_NODES: 'false' }).workflows.codeNodes).toBe(false);
  });

  it('reads SMTP and SendGrid settings', () => {
    const smtp = loadConfig({ PLUGBOARD_MAIL: 'smtp', PLUGBOARD_MAIL_FROM: 'a@example.com', PLUGBOARD_SMTP_HOST: 'mail', PLUGBOARD_SMTP_PORT: '465', PLUGBOARD_SMTP_SECURE: 'true' });
    expect(smtp.mail.transport).toMatchObject({ driver: 'smtp', host: 'mail', port: 465, secure: true, pool: true, tlsRejectUnauthorized: true });
    const sendgrid = loadConfig({ PLUGBOARD_MAIL: 'sendgrid', PLUGBOARD_MAIL_FROM: 'a@example.com', SENDGRID_API_KEY: 'SG.x' });
    expect(sendgrid.mail.transport).toEqual({ driver: 'sendgrid', apiKey: 'SG.x', baseUrl: undefined });
  });

  it.each([
    [{ PLUGBOARD_MAIL: 'pigeon' }, 'PLUGBOARD_MAIL'],
    [{ PLUGBOARD_MAIL: 'smtp', PLUGBOARD_SMTP_HOST: 'mail' }, 'PLUGBOARD_MAIL_FROM'],
    [{ PLUGBOARD_SMTP_PORT: '0' }, 'PLUGBOARD_SMTP_PORT'],
    [{ PLUGBOARD_MAIL_RETRY_DELAY: '2h' }, 'PLUGBOARD_MAIL_RETRY_DELAY'],
    [{ PLUGBOARD_PASSWORD_RESET_TTL: '2d' }, 'PLUGBOARD_PASSWORD_RESET_TTL'],
    [{ PLUGBOARD_WEB_URL: 'app.example.com' }, 'PLUGBOARD_WEB_URL'],
    [{ PLUGBOARD_QUEUE: 'postgres' }, 'DATABASE_URL'],
    [{ PLUGBOARD_PUBSUB: 'postgres' }, 'DATABASE_URL'],
    [{ PLUGBOARD_PUBSUB: 'redis' }, 'REDIS_URL'],
    [{ PLUGBOARD_QUEUE: 'postgres', DATABASE_URL: 'postgres://db/x', PLUGBOARD_PUBSUB: 'memory' }, 'PLUGBOARD_PUBSUB'],
    [{ PLUGBOARD_WORKFLOW_LEASE: '1s' }, 'PLUGBOARD_WORKFLOW_LEASE'],
    [{ PLUGBOARD_WORKFLOW_MAX_DEPTH: '11' }, 'PLUGBOARD_WORKFLOW_MAX_DEPTH'],
  ])('refuses %o with one line naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('refuses a chosen driver with a missing setting when the app is created, with one line', async () => {
    const { createApp } = await import('../../src/app.js');
    const { createLogger } = await import('../../src/logger.js');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-config-'));
    try {
      const config = loadConfig({ PLUGBOARD_MAIL: 'sendgrid', PLUGBOARD_MAIL_FROM: 'a@example.com', PLUGBOARD_DATA_DIR: dataDir });
      await expect(createApp(config, { log: createLogger('silent') })).rejects.toThrow(ConfigError);
      await expect(createApp(config, { log: createLogger('silent') })).rejects.toThrow(/^Invalid configuration: SENDGRID_API_KEY is required/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
