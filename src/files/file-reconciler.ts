import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { LocalStorage } from '../platform/storage/local.storage.js';
import type { Storage } from '../platform/storage/storage.js';
import { FileRepository } from './file.repository.js';
import { PeriodicTask } from '../shared/periodic-task.js';

const BATCH = 100;

/**
 * Finishes what uploads and deletions left half done (a crash, a storage outage): DELETING
 * rows get their object removed, then the row; PENDING rows older than `pendingTtlMs` (a
 * crashed upload, an abandoned direct upload) likewise; on local storage, temp files of
 * saves a crash interrupted. Runs at start and then periodically.
 */
export class FileReconciler {
  private readonly task = new PeriodicTask(
    () => this.pass(new Date()),
    (error) => this.log.warn({ err: error }, 'file reconciliation failed'),
  );

  constructor(
    private readonly orm: MikroORM,
    private readonly storage: Storage,
    private readonly pendingTtlMs: number,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    void this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One pass (or the one running); returns how many rows it finished. */
  run(): Promise<number> {
    return this.task.run();
  }

  private async pass(now: Date): Promise<number> {
    const repo = new FileRepository(this.orm.em.fork());
    const rows = await repo.unfinished(new Date(now.getTime() - this.pendingTtlMs), BATCH);
    let finished = 0;
    for (const file of rows) {
      try {
        await this.storage.delete(file.storageKey);
        await repo.remove(file);
        finished += 1;
      } catch (error) {
        this.log.warn({ err: error, fileId: file.id }, 'could not finish a file; will retry');
      }
    }
    if (this.storage instanceof LocalStorage) finished += await this.storage.removeAbandonedUploads(this.pendingTtlMs, now.getTime());
    if (finished > 0) this.log.info({ finished }, 'finished half-done file uploads and deletions');
    return finished;
  }
}
