import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { wellFormedIds } from '../shared/ids.js';
import { beforePosition, type Position } from '../shared/pagination.js';
import { MailDelivery, type DeliveryStatus } from './mail-delivery.entity.js';

export interface DeliveryFilter {
  workspaceId: string;
  status?: DeliveryStatus | null;
  template?: string | null;
  recipient?: string | null;
}

export interface NewDelivery {
  id: string;
  workspaceId: string | null;
  template: string;
  language: string;
  recipient: string;
  subject: string;
  idempotencyKey: string;
  payload: string;
}

export interface RecentSends {
  count: number;
  oldest: Date | null;
}

function where(filter: DeliveryFilter): FilterQuery<MailDelivery> {
  const conditions: FilterQuery<MailDelivery>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.template) conditions.push({ template: filter.template as MailDelivery['template'] });
  if (filter.recipient) conditions.push({ recipient: filter.recipient });
  return { $and: conditions };
}

/** Delivery records. Every state change is one conditional statement, so concurrent workers never both own a message. */
export class MailRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Serialises senders to the same recipients or workspace until the transaction ends,
   * so counting recent sends and recording new ones cannot interleave (send limits hold
   * under concurrency, on every process sharing the database).
   */
  async lockSendKeys(keys: string[]): Promise<void> {
    const sorted = [...new Set(keys)].sort();
    if (sorted.length === 0) return;
    // In a fixed order, so two senders locking overlapping sets cannot deadlock.
    await this.em.execute(`select pg_advisory_xact_lock(hashtext(k)) from (values ${sorted.map(() => '(?)').join(', ')}) as t(k) order by k`, sorted);
  }

  async recentToRecipient(recipient: string, since: Date): Promise<RecentSends> {
    const [row] = await this.em.execute<{ count: number; oldest: Date | null }[]>(
      'select count(*)::int as count, min(created_at) as oldest from mail_deliveries where recipient = ? and created_at > ?',
      [recipient, since],
    );
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  /** Recent messages of `templates` sent for a workspace. */
  async recentInWorkspace(workspaceId: string, templates: readonly string[], since: Date): Promise<RecentSends> {
    const [row] = await this.em.execute<{ count: number; oldest: Date | null }[]>(
      `select count(*)::int as count, min(created_at) as oldest from mail_deliveries
        where workspace_id = ? and template in (${templates.map(() => '?').join(', ')}) and created_at > ?`,
      [workspaceId, ...templates, since],
    );
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  /** Records a message unless one with its idempotency key exists; returns the ID of the one recorded, or null. */
  async insert(delivery: NewDelivery, now: Date): Promise<string | null> {
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into mail_deliveries
         (id, workspace_id, template, language, recipient, subject, status, attempts, idempotency_key, payload, next_attempt_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?)
       on conflict (idempotency_key) do nothing
       returning id`,
      [delivery.id, delivery.workspaceId, delivery.template, delivery.language, delivery.recipient, delivery.subject, delivery.idempotencyKey, delivery.payload, now, now, now],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Takes a message for one attempt: a due QUEUED or RETRYING one, or a SENDING one whose
   * worker's lease ran out (it died mid-send). Null when it is final, not due yet, or held.
   */
  async claim(id: string, now: Date, leaseUntil: Date): Promise<MailDelivery | null> {
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `update mail_deliveries
          set status = 'SENDING', attempts = attempts + 1, claimed_until = ?, updated_at = ?
        where id = ?
          and ((status in ('QUEUED', 'RETRYING') and coalesce(next_attempt_at, created_at) <= ?)
               or (status = 'SENDING' and claimed_until < ?))
        returning *`,
      [leaseUntil, now, id, now, now],
    );
    return rows[0] ? this.em.map(MailDelivery, rows[0]) : null;
  }

  /** Final success; the sealed variables are dropped (nothing left to send). Only the attempt that holds the claim may record. */
  async markSent(claimed: MailDelivery, providerMessageId: string | null, now: Date): Promise<void> {
    await this.em.execute(
      `update mail_deliveries set status = 'SENT', provider_message_id = ?, sent_at = ?, payload = null, claimed_until = null,
              last_error = null, last_error_code = null, next_attempt_at = null, updated_at = ?
        where id = ? and status = 'SENDING' and attempts = ?`,
      [providerMessageId, now, now, claimed.id, claimed.attempts],
    );
  }

  async markRetrying(claimed: MailDelivery, error: { message: string; code: string }, nextAttemptAt: Date, now: Date): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update mail_deliveries set status = 'RETRYING', last_error = ?, last_error_code = ?, next_attempt_at = ?, claimed_until = null, updated_at = ?
        where id = ? and status = 'SENDING' and attempts = ? returning id`,
      [error.message, error.code, nextAttemptAt, now, claimed.id, claimed.attempts],
    );
    return rows.length > 0;
  }

  async markFailed(claimed: MailDelivery, error: { message: string; code: string }, now: Date): Promise<void> {
    await this.em.execute(
      `update mail_deliveries set status = 'FAILED', last_error = ?, last_error_code = ?, payload = null, claimed_until = null, next_attempt_at = null, updated_at = ?
        where id = ? and status = 'SENDING' and attempts = ?`,
      [error.message, error.code, now, claimed.id, claimed.attempts],
    );
  }

  /** Messages whose job may have been lost (a restart of the inline queue, a crash before dispatch): due for over `grace`, or held past their lease. */
  async overdue(now: Date, grace: number, limit: number): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from mail_deliveries
        where (status in ('QUEUED', 'RETRYING') and coalesce(next_attempt_at, created_at) <= ?)
           or (status = 'SENDING' and claimed_until < ?)
        order by created_at limit ?`,
      [new Date(now.getTime() - grace), now, limit],
    );
    return rows.map((row) => row.id);
  }

  findInWorkspace(workspaceId: string, ids: readonly string[]): Promise<MailDelivery[]> {
    return this.em.find(MailDelivery, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  /** Newest first. */
  page(filter: DeliveryFilter, limit: number, after?: Position): Promise<MailDelivery[]> {
    const conditions: FilterQuery<MailDelivery>[] = [where(filter)];
    if (after) conditions.push(beforePosition(after));
    return this.em.find(MailDelivery, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  count(filter: DeliveryFilter): Promise<number> {
    return this.em.count(MailDelivery, where(filter));
  }
}
