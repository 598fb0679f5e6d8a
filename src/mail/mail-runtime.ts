import type { MailSettings } from '../config.js';
import type { Brand, Mailer } from '../platform/mail/index.js';
import type { JobQueue } from '../platform/queue/queue.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';

/** The job that delivers one recorded message: `{ deliveryId }`. */
export const DELIVER_JOB = 'mail.deliver';
/** Queue-level retries cover the worker itself failing (e.g. the database briefly down), not mail errors: those the worker retries. */
export const JOB_OPTIONS = { retryLimit: 3, retryDelaySeconds: 5, retryBackoff: true } as const;

/** Sealed template variables open only on their own delivery row. */
export const payloadContext = (deliveryId: string) => `mail_delivery:${deliveryId}`;

/** Long-lived mail parts, built once per process (src/app.ts). */
export interface MailRuntime {
  mailer: Mailer;
  queue: JobQueue;
  /** Seals the template variables stored with each delivery (they hold one-time links). */
  secrets: SecretBox;
  settings: MailSettings;
  brand: Brand;
  /** Where links in mail point (the web client), without a trailing slash. */
  webUrl(): string;
}

export function brandOf(settings: MailSettings): Brand {
  return { productName: settings.productName, senderName: settings.from.name, ...(settings.supportUrl ? { supportUrl: settings.supportUrl } : {}) };
}

/** `<webUrl><path>#token=<token>`: in the fragment, so the token never reaches server logs or Referer headers. */
export function tokenLink(runtime: MailRuntime, path: string, token: string): string {
  return `${runtime.webUrl()}${path}#token=${encodeURIComponent(token)}`;
}
