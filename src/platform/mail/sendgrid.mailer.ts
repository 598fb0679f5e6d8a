/**
 * SendGrid's v3 mail API through @sendgrid/mail. Each instance has its own MailService
 * and Client (the package's default export is a process-wide singleton; two mailers with
 * different keys or base URLs must not share it). The idempotency key travels as
 * `custom_args.idempotency_key`, which SendGrid echoes in its event webhooks; SendGrid
 * itself does not deduplicate.
 */
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { Logger } from '../../logger.js';
import { MailDeliveryError, validateMessage, type Address, type MailMessage, type Mailer, type SendGridMailConfig, type SendResult } from './mailer.js';

const DEFAULT_BASE_URL = 'https://api.sendgrid.com/';
const REQUEST_TIMEOUT_MS = 30_000;

interface SendGridFailure {
  /** ResponseError: the HTTP status. Axios network errors: ECONNREFUSED, ECONNABORTED… */
  code?: number | string;
  response?: { status?: number; body?: { errors?: Array<{ message?: unknown; field?: unknown }> } };
}

function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * MailDeliveryError for a failed API call: 408, 429 and 5xx temporary, other 4xx
 * permanent (providerCode = status); no response at all (refused, reset, timed out)
 * temporary. The message holds SendGrid's error texts only — the axios error behind it
 * carries the request config, Authorization header included, so it is never attached.
 */
export function sendGridDeliveryError(error: unknown, apiKey: string): MailDeliveryError {
  const { code, response } = (error ?? {}) as SendGridFailure;
  const status = typeof code === 'number' ? code : response?.status;
  const scrub = (text: string) => (apiKey ? text.split(apiKey).join('[redacted]') : text);
  if (typeof status === 'number') {
    const details = (response?.body?.errors ?? [])
      .map((e) => [e.field, e.message].filter((part) => typeof part === 'string' && part !== '').join(': '))
      .filter(Boolean)
      .join('; ');
    const temporary = status === 408 || status === 429 || status >= 500;
    return new MailDeliveryError(oneLine(scrub(`SendGrid answered HTTP ${status}${details ? `: ${details}` : ''}`)), temporary, status);
  }
  if (typeof code === 'string' && code !== '') {
    return new MailDeliveryError(oneLine(`SendGrid request failed (${scrub(code)})`), true, code);
  }
  // Thrown before any request (the helper refusing data): retrying the same data won't help.
  return new MailDeliveryError('SendGrid request could not be made', false);
}

function sendGridAddress(address: Address): { email: string; name?: string } {
  return address.name ? { email: address.email, name: address.name } : { email: address.email };
}

export class SendGridMailer implements Mailer {
  readonly driver = 'sendgrid' as const;
  private readonly service: MailService;
  private readonly apiKey: string;

  constructor(
    config: SendGridMailConfig,
    private readonly log: Logger,
  ) {
    this.apiKey = config.apiKey;
    const client = new Client();
    client.setApiKey(config.apiKey);
    // After setApiKey: it resets baseUrl to the region default.
    client.setDefaultRequest('baseUrl', config.baseUrl ?? DEFAULT_BASE_URL);
    this.service = new MailService();
    this.service.setClient(client);
    this.service.setTimeout(REQUEST_TIMEOUT_MS);
  }

  async send(input: MailMessage): Promise<SendResult> {
    const message = validateMessage(input);
    let response: { headers?: Record<string, unknown> } | undefined;
    try {
      [response] = await this.service.send({
        from: sendGridAddress(message.from),
        to: message.to.map(sendGridAddress),
        ...(message.replyTo ? { replyTo: sendGridAddress(message.replyTo) } : {}),
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: message.headers } : {}),
        customArgs: { idempotency_key: message.idempotencyKey },
      });
    } catch (error) {
      const failure = sendGridDeliveryError(error, this.apiKey);
      this.log.warn({ providerCode: failure.providerCode, temporary: failure.temporary, to: message.to.length }, 'SendGrid delivery failed');
      throw failure;
    }
    const id = response?.headers?.['x-message-id'];
    const providerMessageId = typeof id === 'string' && id !== '' ? id : null;
    this.log.debug({ providerMessageId, to: message.to.length }, 'mail sent via SendGrid');
    return { providerMessageId };
  }

  async close(): Promise<void> {
    // axios keeps no pool of its own here; nothing to release.
  }
}
