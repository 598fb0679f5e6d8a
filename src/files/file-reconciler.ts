import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { LocalStorage } from '../platform/storage/local.storage.js';
import type { Storage } from '../platform/storage/storage.js';
import { FileRepository } from './file.repository.js';

const BATCH = 100;

/**
 * Finishes what uploads and deletions left half done (a crash, a storage outage): DELETING
 * rows get their object removed, then the row; PENDING rows older than `pendingTtlMs` (a
 * crashed upload, an abandoned direct upload) likewise; on local storage, temp files of
 * saves a crash interrupted. Runs at start and then periodically.
 */
export class FileReconciler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly orm: MikroORM,
    private readonly storage: Storage,
    private readonly pendingTtlMs: number,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    const tick = () => void this.run().catch((error: unknown) => this.log.warn({ err: error }, 'file reconciliation failed'));
    setImmediate(tick);
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many rows it finished. */
  run(now = new Date()): Promise<number> {
    this.running ??= this.pass(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
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
