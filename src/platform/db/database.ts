import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Migrator } from '@mikro-orm/migrations';
import type { EntitySchema } from '@mikro-orm/core';
import type { Logger } from '../../logger.js';
import { createOrmLogger } from './orm-logger.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { migrationsList } from './migrations/index.js';

export interface Database {
  orm: MikroORM;
  /** true when the database answers a trivial query. Used by /readyz. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A server Postgres; when absent, embedded PGlite under `dataDir/db`. */
  url?: string;
  poolSize: number;
  dataDir: string;
  entities: EntitySchema<any>[];
  log: Logger;
  /** Called with every SQL statement sent (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Opens the database, applies pending migrations and returns a handle. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  if (!options.url) {
    embedded = await startEmbeddedPostgres(path.join(options.dataDir, 'db'));
    options.log.info('using embedded PGlite database in %s', path.join(options.dataDir, 'db'));
  }
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init({
      clientUrl: options.url ?? embedded!.url,
      entities: options.entities,
      extensions: [Migrator],
      migrations: { migrationsList, transactional: true, allOrNothing: true, silent: true },
      // pglite-socket serves one session: a second pooled connection would share it
      // and interleave transactions.
      pool: embedded ? { min: 1, max: 1 } : { min: 0, max: options.poolSize },
      discovery: { warnWhenNoEntities: false },
      allowGlobalContext: false,
      loggerFactory: () => createOrmLogger(options.log, options.onQuery),
    });
    const migrator = orm.getMigrator();
    const applied = options.url ? await underMigrationLock(options.url, () => migrator.up()) : await migrator.up();
    if (applied.length > 0) options.log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    const ready = orm;
    return {
      orm: ready,
      async isReachable() {
        try {
          await ready.em.getConnection().execute('select 1');
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await ready.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await orm?.close(true);
    await embedded?.stop();
    throw error;
  }
}

/**
 * Runs `work` holding a Postgres advisory lock, so gateway processes starting together
 * migrate one after another instead of racing to create the same tables.
 */
async function underMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('plugboard:migrations'))");
    return await work();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}
