/**
 * The embedded default: every message becomes an RFC 5322 `.eml` file (built by
 * nodemailer's MailComposer) in a private folder, `<timestamp>-<key>.eml`. Nothing is
 * sent anywhere; developers open the files in a mail client, tests parse them.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Logger } from '../../logger.js';
import { MailDeliveryError, idempotencyToken, messageIdFor, nodemailerFields, validateMessage, type MailMessage, type Mailer, type SendResult } from './mailer.js';

// `2026-11-25T10-15-30-123Z-<token>.eml`: the ISO time with file-name safe separators.
const FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(.+)\.eml$/;

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export class OutboxMailer implements Mailer {
  readonly driver = 'outbox' as const;
  private ready: Promise<void> | undefined;
  /** One write per key at a time in this process, so a concurrent duplicate sees the first file. */
  private readonly inFlight = new Map<string, Promise<SendResult>>();

  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {}

  async send(input: MailMessage): Promise<SendResult> {
    const message = validateMessage(input);
    const token = idempotencyToken(message.idempotencyKey);
    const previous = this.inFlight.get(token);
    const run = (previous ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.write(message, token))
      .catch((error: unknown) => {
        // A full disk or a folder we may not write: worth retrying once someone fixes it.
        const code = (error as NodeJS.ErrnoException).code;
        throw new MailDeliveryError(`Could not write the message to the mail outbox${code ? ` (${code})` : ''}`, true, code);
      });
    this.inFlight.set(token, run);
    try {
      return await run;
    } finally {
      if (this.inFlight.get(token) === run) this.inFlight.delete(token);
    }
  }

  /** The `.eml` files in the outbox, oldest first (absolute paths). */
  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => FILE_NAME.test(name))
      .sort()
      .map((name) => path.join(this.dir, name));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private ensureDir(): Promise<void> {
    this.ready ??= (async () => {
      const created = await mkdir(this.dir, { recursive: true, mode: 0o700 });
      // mkdir's mode is filtered by the umask; make the folder we created private for sure.
      if (created !== undefined) await chmod(this.dir, 0o700);
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async existing(token: string): Promise<string | null> {
    for (const file of await this.list()) {
      if (FILE_NAME.exec(path.basename(file))?.[1] === token) return file;
    }
    return null;
  }

  private async write(message: MailMessage, token: string): Promise<SendResult> {
    await this.ensureDir();
    const messageId = messageIdFor(message.idempotencyKey);
    const already = await this.existing(token);
    if (already !== null) {
      this.log.debug({ file: already }, 'mail already in outbox (same idempotency key)');
      return { providerMessageId: messageId };
    }

    const now = new Date();
    const raw = await new MailComposer(nodemailerFields(message, now)).compile().build();
    const file = path.join(this.dir, `${timestamp(now)}-${token}.eml`);
    // A temp name the listing ignores, then an atomic rename: readers never see half a file.
    const temp = path.join(this.dir, `.${token}.${randomUUID()}.tmp`);
    try {
      await writeFile(temp, raw, { mode: 0o600, flag: 'wx' });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.log.info({ to: message.to.map((a) => a.email), subject: message.subject, file }, 'mail written to outbox');
    return { providerMessageId: messageId };
  }
}
