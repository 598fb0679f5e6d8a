import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** Server Postgres URL, or undefined for embedded PGlite under `dataDir/db`. */
  url?: string;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A private, already-migrated database for one test file, cloned from the global template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('databaseTemplate');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-test-'));
  if (template.kind === 'embedded') {
    await cp(template.dir, dataDir, { recursive: true });
    return { dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `plugboard_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  const url = new URL(template.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async dispose() {
      await adminQuery(template.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
