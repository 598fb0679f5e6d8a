import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, RateLimitedError, ValidationError } from '../errors.js';
import { requireWorkspaceRole, type Viewer } from '../identity/viewer.js';
import type { Logger } from '../logger.js';
import { renderTemplate, validateMessage, type TemplateName, type TemplateVariables } from '../platform/mail/index.js';
import { oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { DELIVERY_STATUSES, type MailDelivery } from './mail-delivery.entity.js';
import { DELIVER_JOB, JOB_OPTIONS, payloadContext, type MailRuntime } from './mail-runtime.js';
import { MailRepository } from './mail.repository.js';

const HOUR_MS = 3_600_000;
/**
 * Mail a workspace's members can send to addresses of their choice: what the workspace limit
 * is for. Notices to the workspace's own owners (an API key was created) are not limited by
 * it, so filling the limit cannot silence them.
 */
const WORKSPACE_LIMITED: readonly TemplateName[] = ['member_invitation'];

/** A message a service wants sent to one person. */
export interface OutgoingMail<N extends TemplateName = TemplateName> {
  template: N;
  to: { email: string; name?: string };
  /** Any BCP 47 tag; `en` or `zh-Hans` is used. */
  language: string;
  variables: TemplateVariables[N];
  /** The workspace it is sent for (counts against its limit, visible to its admins); null for account mail. */
  workspaceId: string | null;
  /** Stable for one logical message (e.g. `invitation:<id>`): recording it twice records and sends it once. */
  idempotencyKey: string;
}

/**
 * What to do when a send limit is reached: `refuse` answers RATE_LIMITED (an admin
 * inviting people); `drop` records nothing and says nothing (public flows such as password
 * reset, whose answer must not depend on the address).
 */
export type OverLimit = 'refuse' | 'drop';

export type DeliveryPage = Page<MailDelivery>;
export type DeliveryEdge = DeliveryPage['edges'][number];

/**
 * Queues mail for other services and shows delivery records to workspace admins. Sending
 * never happens here: messages are recorded (inside the caller's transaction when given
 * one) and handed to the queue; MailWorker delivers them in the background.
 */
export class MailService {
  constructor(
    private readonly em: EntityManager,
    private readonly runtime: MailRuntime,
    private readonly viewer: Viewer | null,
    private readonly log: Logger,
  ) {}

  /** Records and queues `mails` in one transaction of its own; returns the IDs recorded. */
  async send(mails: OutgoingMail[], overLimit: OverLimit): Promise<string[]> {
    const ids = await this.em.transactional((tx) => this.record(tx, mails, overLimit));
    await this.dispatch(ids);
    return ids;
  }

  /**
   * Checks, renders and records `mails` within `tx`, the caller's transaction, so they
   * exist exactly when the caller's change commits. Call `dispatch` with the result after
   * the commit. Throws BAD_USER_INPUT for a bad address, header injection or template
   * variable, RATE_LIMITED when a limit is reached and `overLimit` is `refuse`.
   */
  async record(tx: EntityManager, mails: OutgoingMail[], overLimit: OverLimit): Promise<string[]> {
    const { settings, brand, secrets } = this.runtime;
    const prepared = mails.map((mail) => {
      const rendered = renderTemplate(mail.template, mail.language, mail.variables, brand);
      // The full message is checked now, so a bad address or a CR/LF never reaches the queue.
      const message = validateMessage({
        from: settings.from,
        to: [{ email: mail.to.email, ...(mail.to.name ? { name: mail.to.name } : {}) }],
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        idempotencyKey: mail.idempotencyKey,
      });
      const recipient = message.to[0]!;
      return { mail, rendered, recipient: { email: recipient.email.toLowerCase(), name: recipient.name } };
    });
    if (prepared.length === 0) return [];

    const repo = new MailRepository(tx);
    const limited = (mail: OutgoingMail) => mail.workspaceId !== null && WORKSPACE_LIMITED.includes(mail.template);
    const workspaceIds = [...new Set(prepared.filter((p) => limited(p.mail)).map((p) => p.mail.workspaceId!))];
    const recipients = [...new Set(prepared.map((p) => p.recipient.email))];
    await repo.lockSendKeys([...recipients.map((r) => `mail:recipient:${r}`), ...workspaceIds.map((w) => `mail:workspace:${w}`)]);
    const now = new Date();
    const since = new Date(now.getTime() - HOUR_MS);
    const blocked = new Set<string>();
    let retryAfter = 0;
    const over = (recent: { count: number; oldest: Date | null }, adding: number, limit: number) => {
      if (recent.count + adding <= limit) return false;
      const wait = recent.oldest ? Math.ceil((recent.oldest.getTime() + HOUR_MS - now.getTime()) / 1000) : 3600;
      retryAfter = Math.max(retryAfter, wait, 1);
      return true;
    };
    for (const recipient of recipients) {
      const adding = prepared.filter((p) => p.recipient.email === recipient).length;
      if (over(await repo.recentToRecipient(recipient, since), adding, settings.recipientHourlyLimit)) blocked.add(recipient);
    }
    for (const workspaceId of workspaceIds) {
      const adding = prepared.filter((p) => limited(p.mail) && p.mail.workspaceId === workspaceId).length;
      if (over(await repo.recentInWorkspace(workspaceId, WORKSPACE_LIMITED, since), adding, settings.workspaceHourlyLimit)) blocked.add(`workspace:${workspaceId}`);
    }
    if (blocked.size > 0 && overLimit === 'refuse') {
      throw new RateLimitedError('Too much mail to these recipients or from this workspace; try again later', retryAfter);
    }

    const ids: string[] = [];
    for (const { mail, rendered, recipient } of prepared) {
      if (blocked.has(recipient.email) || (limited(mail) && blocked.has(`workspace:${mail.workspaceId}`))) {
        this.log.info({ template: mail.template }, 'mail not sent: send limit reached');
        continue;
      }
      const id = randomUUID();
      const payload = secrets.seal(JSON.stringify({ name: recipient.name ?? null, variables: mail.variables }), payloadContext(id));
      const recorded = await repo.insert(
        {
          id,
          workspaceId: mail.workspaceId,
          template: mail.template,
          language: rendered.language,
          recipient: recipient.email,
          subject: rendered.subject,
          idempotencyKey: mail.idempotencyKey,
          payload,
        },
        now,
      );
      if (recorded) ids.push(recorded);
    }
    return ids;
  }

  /** Hands recorded messages to the queue. A failure here loses nothing: MailWorker's sweep finds messages left waiting. */
  async dispatch(ids: string[]): Promise<void> {
    for (const deliveryId of ids) {
      try {
        await this.runtime.queue.send(DELIVER_JOB, { deliveryId }, JOB_OPTIONS);
      } catch (error) {
        this.log.warn({ deliveryId, err: { message: (error as Error).message } }, 'mail not queued; the sweep will pick it up');
      }
    }
  }

  private adminWorkspace(): string {
    if (this.viewer?.apiKey?.appId) throw new ForbiddenError('A key limited to one app cannot do this');
    return requireWorkspaceRole(this.viewer, 'ADMIN').id;
  }

  /** Delivery records of the current workspace, newest first (account mail belongs to no workspace and is not listed). */
  async deliveries(first: number, after: string | null | undefined, filter: { status?: string | null; template?: string | null; recipient?: string | null } = {}): Promise<DeliveryPage> {
    const workspaceId = this.adminWorkspace();
    const size = checkPageSize(first);
    const position = after ? decodeCursor(after) : undefined;
    const recipient = filter.recipient?.trim().toLowerCase();
    if (recipient !== undefined && (recipient.length === 0 || recipient.length > 320)) {
      throw new ValidationError('filter.recipient must be an email address', { field: 'filter.recipient' });
    }
    const where = {
      workspaceId,
      status: filter.status ? oneOf(DELIVERY_STATUSES, filter.status, 'filter.status') : null,
      template: filter.template ?? null,
      recipient: recipient ?? null,
    };
    const repo = new MailRepository(this.em);
    const [rows, total] = await Promise.all([repo.page(where, size + 1, position), repo.count(where)]);
    return toPage(rows, size, total, after);
  }

  deliveriesByIds(ids: readonly string[]): Promise<MailDelivery[]> {
    return new MailRepository(this.em).findInWorkspace(this.adminWorkspace(), ids);
  }
}
