import { randomUUID } from 'node:crypto';
import { readdir, writeFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRecord } from '../../src/files/file.entity.js';
import { FileReconciler } from '../../src/files/file-reconciler.js';
import { createLogger } from '../../src/logger.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('file reconciler', () => {
  let server: TestServer;
  let workspaceId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { token } = await signUpUser(server.url, 'Sweeper');
    workspaceId = (await createWorkspace(server.url, token, 'Sweep')).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('finishes deletions, clears stale pending uploads and crashed temp files, and leaves the rest', async () => {
    const { orm, files } = server.plugboard.deps;
    const em = orm.em.fork();
    const hourAgo = new Date(Date.now() - 3_600_000);
    const make = async (status: FileRecord['status'], updatedAt: Date, withObject: boolean) => {
      const id = randomUUID();
      const storageKey = `workspaces/${workspaceId}/files/${id}`;
      if (withObject) await files.storage.save(storageKey, Readable.from([Buffer.from('bytes')]));
      em.create(FileRecord, { id, workspaceId, name: `${status}.bin`, purpose: 'GENERAL', status, storageKey, createdBy: null, createdAt: updatedAt, updatedAt });
      return { id, storageKey };
    };
    const deleting = await make('DELETING', new Date(), true);
    const stalePending = await make('PENDING', hourAgo, true);
    const freshPending = await make('PENDING', new Date(), false);
    const ready = await make('READY', hourAgo, true);
    await em.flush();
    // A save a crash interrupted leaves a temp file beside where the object would go.
    const folder = path.join(server.database.dataDir, 'files', 'workspaces', workspaceId, 'files');
    const temp = path.join(folder, '.plugboard-upload-0123456789abcdef');
    await writeFile(temp, 'partial');
    await utimes(temp, hourAgo, hourAgo);

    const reconciler = new FileReconciler(orm, files.storage, 30 * 60_000, createLogger('silent'));
    expect(await reconciler.run()).toBe(3);

    const left = await orm.em.fork().find(FileRecord, { workspaceId });
    expect(left.map((file) => file.id).sort()).toEqual([freshPending.id, ready.id].sort());
    expect(await files.storage.exists(deleting.storageKey)).toBe(false);
    expect(await files.storage.exists(stalePending.storageKey)).toBe(false);
    expect(await files.storage.exists(ready.storageKey)).toBe(true);
    expect((await readdir(folder)).filter((name) => name.startsWith('.plugboard-upload-'))).toEqual([]);
    expect(await reconciler.run()).toBe(0);
  });
});
