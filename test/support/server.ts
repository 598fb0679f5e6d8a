import { Writable } from 'node:stream';
import { createApp, type Plugboard } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  baseUrl: string;
  /** HTTP and graphql-ws endpoint. */
  url: string;
  wsUrl: string;
  sseUrl: string;
  plugboard: Plugboard;
  database: TestDatabase;
  /** Every log line the server wrote, for asserting that secrets never appear. */
  logs: string[];
  /** Every SQL statement sent; clear it (`queries.length = 0`) before the part you measure. */
  queries: string[];
  /** Stops the server; keeps the database unless `dispose` is true. */
  stop(options?: { dispose?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a database (e.g. to restart on the same data); by default a fresh clone. */
  database?: TestDatabase;
  /** Extra environment, parsed by the real config loader. */
  env?: Record<string, string>;
  config?: Partial<Config>;
}

/** The real app on 127.0.0.1, port 0, with its own database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const config: Config = {
    // Every test client shares 127.0.0.1: scale limits up unless a test is about them.
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', PLUGBOARD_DATA_DIR: database.dataDir, PLUGBOARD_RATE_LIMIT_SCALE: '1000', ...options.env }),
    database: { url: database.url, poolSize: 4 },
    ...options.config,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const queries: string[] = [];
  const plugboard = await createApp(config, { log: createLogger('debug', sink), onQuery: (sql) => queries.push(sql) });
  const baseUrl = await plugboard.listen();
  return {
    baseUrl,
    url: `${baseUrl}/graphql`,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    sseUrl: `${baseUrl}/graphql/stream`,
    plugboard,
    database,
    logs,
    queries,
    async stop({ dispose = true } = {}) {
      await plugboard.stop();
      if (dispose) await database.dispose();
    },
  };
}
