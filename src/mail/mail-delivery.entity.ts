import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { TemplateName } from '../platform/mail/index.js';

/**
 * QUEUED: waiting for its first attempt; SENDING: an attempt holds it until `claimedUntil`;
 * RETRYING: a temporary failure, next attempt at `nextAttemptAt`; SENT and FAILED are final.
 */
export const DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'RETRYING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message to one recipient: the record admins read and the queue's source of truth. */
export class MailDelivery {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'status' | 'attempts' | 'providerMessageId' | 'lastError' | 'lastErrorCode' | 'nextAttemptAt' | 'claimedUntil' | 'sentAt';
  id: string = randomUUID();
  /** Null for account mail (verification, password reset, sign-in links): no workspace sees those. */
  workspaceId!: string | null;
  template!: TemplateName;
  language!: string;
  recipient!: string;
  subject!: string;
  status: DeliveryStatus = 'QUEUED';
  attempts = 0;
  /** Unique: the same logical message is recorded (and sent) once. */
  idempotencyKey!: string;
  /** The template variables, sealed with the secret key (they hold one-time links); cleared once final. */
  payload!: string | null;
  providerMessageId: string | null = null;
  lastError: string | null = null;
  lastErrorCode: string | null = null;
  nextAttemptAt: Date | null = null;
  claimedUntil: Date | null = null;
  sentAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const MailDeliverySchema = new EntitySchema<MailDelivery>({
  class: MailDelivery,
  tableName: 'mail_deliveries',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid', nullable: true },
    template: { type: 'string' },
    language: { type: 'string' },
    recipient: { type: 'string' },
    subject: { type: 'text' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    idempotencyKey: { type: 'string' },
    payload: { type: 'text', nullable: true },
    providerMessageId: { type: 'string', nullable: true },
    lastError: { type: 'text', nullable: true },
    lastErrorCode: { type: 'string', nullable: true },
    nextAttemptAt: { type: 'Date', nullable: true },
    claimedUntil: { type: 'Date', nullable: true },
    sentAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const mailEntities = [MailDeliverySchema];
