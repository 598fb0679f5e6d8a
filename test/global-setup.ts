import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { entities } from '../src/entities.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/platform/db/database.js';

export type DatabaseTemplate = { kind: 'embedded'; dir: string } | { kind: 'server'; adminUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export const TEMPLATE_DATABASE = 'plugboard_test_template';

/** Migrates once; every test file then clones this template (a folder copy or CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  const log = createLogger('silent');
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${TEMPLATE_DATABASE}`;
    const db = await openDatabase({ url: url.toString(), poolSize: 1, dataDir: os.tmpdir(), entities, log });
    await db.close();
    project.provide('databaseTemplate', { kind: 'server', adminUrl: serverUrl, template: TEMPLATE_DATABASE });
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-template-'));
  const db = await openDatabase({ poolSize: 1, dataDir: dir, entities, log });
  await db.close();
  project.provide('databaseTemplate', { kind: 'embedded', dir });
  return async () => rm(dir, { recursive: true, force: true });
}
