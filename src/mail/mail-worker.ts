import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { MailDeliveryError, renderTemplate, type TemplateName } from '../platform/mail/index.js';
import type { Job } from '../platform/queue/queue.js';
import type { MailDelivery } from './mail-delivery.entity.js';
import { DELIVER_JOB, JOB_OPTIONS, payloadContext, type MailRuntime } from './mail-runtime.js';
import { MailRepository } from './mail.repository.js';
import { PeriodicTask } from '../shared/periodic-task.js';

/** One attempt may hold a message this long; past it, another worker takes it over (the first one died). */
const LEASE_MS = 10 * 60_000;
/**
 * A message due this long without an attempt lost its job, and the sweep queues it again.
 * In-process jobs vanish with a restart, so a minute; Postgres jobs survive one, and only a
 * crash between recording and queueing loses a job, so ten minutes (a long backlog then
 * does not get duplicate jobs every minute).
 */
const SWEEP_GRACE_MS = { inline: 60_000, postgres: 10 * 60_000 } as const;
const SWEEP_BATCH = 500;

interface DeliverJob {
  deliveryId: string;
}

interface RecordedError {
  message: string;
  code: string;
}

/**
 * Delivers recorded messages: claims the record, renders its template, sends through the
 * configured mailer and writes the outcome. Temporary failures (network, SMTP 4xx, HTTP
 * 429/5xx) are retried with exponential backoff up to `maxAttempts`; permanent ones are
 * final at once. The claim makes each attempt exclusive, and the Message-ID (and
 * SendGrid's `custom_args`) derive from the delivery ID, so a retry of a message whose
 * outcome was lost is recognisable as the same message.
 */
export class MailWorker {
  private readonly sweeps = new PeriodicTask(
    () => this.sweep(),
    (error) => this.log.warn({ err: { message: (error as Error).message } }, 'mail sweep failed'),
  );

  constructor(
    private readonly orm: MikroORM,
    private readonly runtime: MailRuntime,
    private readonly log: Logger,
  ) {}

  /** Takes delivery jobs, and sweeps for messages whose job was lost (at start, then every `sweepEveryMs`). */
  async start(sweepEveryMs = 60_000): Promise<void> {
    await this.runtime.queue.work<DeliverJob>(DELIVER_JOB, (job) => this.handle(job), { concurrency: 4 });
    await this.sweeps.start(sweepEveryMs);
  }

  stop(): Promise<void> {
    return this.sweeps.stop();
  }

  private async handle(job: Job<DeliverJob>): Promise<void> {
    const id = job.data?.deliveryId;
    if (typeof id !== 'string') {
      this.log.warn({ jobId: job.id }, 'mail job without a delivery ID: dropped');
      return;
    }
    await this.deliver(id);
  }

  /** One attempt at one message; a no-op when it is final, not due, or held by another attempt. */
  async deliver(id: string): Promise<void> {
    const repo = new MailRepository(this.orm.em.fork());
    const now = new Date();
    const claimed = await repo.claim(id, now, new Date(now.getTime() + LEASE_MS));
    if (!claimed) return;
    const log = this.log.child({ deliveryId: id, template: claimed.template, attempt: claimed.attempts });
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await this.runtime.mailer.send(this.compose(claimed)));
    } catch (error) {
      await this.recordFailure(repo, claimed, error, log);
      return;
    }
    // Outside the try: a database error here must not be taken for a failed send (the
    // record stays SENDING and the sweep re-sends it after the lease, same Message-ID).
    await repo.markSent(claimed, providerMessageId, new Date());
    log.info({ driver: this.runtime.mailer.driver }, 'mail sent');
  }

  private async recordFailure(repo: MailRepository, claimed: MailDelivery, error: unknown, log: Logger): Promise<void> {
    const recorded = describe(error);
    const { maxAttempts, retryDelayMs } = this.runtime.settings;
    const temporary = error instanceof MailDeliveryError && error.temporary;
    if (temporary && claimed.attempts < maxAttempts) {
      const delayMs = retryDelayMs * 2 ** (claimed.attempts - 1);
      if (await repo.markRetrying(claimed, recorded, new Date(Date.now() + delayMs), new Date())) {
        await this.runtime.queue.send(DELIVER_JOB, { deliveryId: claimed.id }, { ...JOB_OPTIONS, startAfterSeconds: delayMs / 1000 });
      }
      log.warn({ code: recorded.code, retryInMs: delayMs }, 'mail delivery failed; will retry');
    } else {
      await repo.markFailed(claimed, recorded, new Date());
      log.warn({ code: recorded.code, temporary }, 'mail delivery failed');
    }
  }

  /** The message as the mailer takes it; throws (a permanent failure) when the sealed variables cannot be read. */
  private compose(delivery: MailDelivery) {
    if (!delivery.payload) throw new Error('The message content is gone');
    const { name, variables } = JSON.parse(this.runtime.secrets.open(delivery.payload, payloadContext(delivery.id))) as {
      name: string | null;
      variables: never;
    };
    const rendered = renderTemplate(delivery.template as TemplateName, delivery.language, variables, this.runtime.brand);
    return {
      from: this.runtime.settings.from,
      to: [{ email: delivery.recipient, ...(name ? { name } : {}) }],
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      idempotencyKey: `delivery:${delivery.id}`,
    };
  }

  /** Queues again every message whose job was lost; duplicates are harmless (the claim lets one through). */
  private async sweep(): Promise<void> {
    const ids = await new MailRepository(this.orm.em.fork()).overdue(new Date(), SWEEP_GRACE_MS[this.runtime.queue.driver], SWEEP_BATCH);
    for (const deliveryId of ids) await this.runtime.queue.send(DELIVER_JOB, { deliveryId }, JOB_OPTIONS);
    if (ids.length > 0) this.log.info({ count: ids.length }, 'mail sweep queued waiting messages');
  }
}

/** What the record keeps of a failure: the adapter's message (never credentials) and a code. */
function describe(error: unknown): RecordedError {
  if (error instanceof MailDeliveryError) return { message: error.message.slice(0, 1000), code: String(error.providerCode ?? 'DELIVERY_FAILED').slice(0, 64) };
  const code = (error as { code?: unknown })?.code;
  return {
    message: `Could not send: ${(error as Error)?.message ?? 'unknown error'}`.slice(0, 1000),
    code: typeof code === 'string' ? code.slice(0, 64) : 'INTERNAL',
  };
}
