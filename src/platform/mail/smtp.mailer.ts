/**
 * SMTP through nodemailer: implicit TLS (`secure`, port 465) or STARTTLS (used whenever
 * the server offers it; required with `requireTls`), optional AUTH, optional pooling.
 * The Message-ID comes from the idempotency key, so a retried message is recognisable
 * downstream. Errors become MailDeliveryError: SMTP 4xx and network failures temporary,
 * 5xx and set-up failures (TLS, auth without a reply code) permanent.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from '../../logger.js';
import { MailDeliveryError, nodemailerFields, validateMessage, type MailMessage, type Mailer, type SendResult, type SmtpMailConfig } from './mailer.js';

/** Failures before a reply code: worth another try later. */
const TEMPORARY_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Certificate and TLS protocol failures: a set-up problem retrying will not fix. */
const TLS_FAILURE = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|HOSTNAME_MISMATCH$)/;

interface NodemailerError {
  code?: string;
  /** The Node/OpenSSL code behind ESOCKET and friends (ECONNREFUSED, CERT_HAS_EXPIRED…). */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * MailDeliveryError for a nodemailer failure. Only the code and the server's reply (or
 * nodemailer's message) are kept: nodemailer errors also carry `command`, which for AUTH
 * holds the encoded credentials, so the original error is never attached.
 */
export function smtpDeliveryError(error: unknown): MailDeliveryError {
  const { code, originalCode, responseCode, response, message } = (error ?? {}) as NodemailerError;
  const reason = oneLine(response || message || 'unknown error');
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) {
    return new MailDeliveryError(`SMTP server refused the message: ${reason}`, responseCode < 500, responseCode);
  }
  const providerCode = typeof originalCode === 'string' && originalCode !== '' ? originalCode : code;
  if (code === 'ETLS' || (typeof originalCode === 'string' && TLS_FAILURE.test(originalCode))) {
    return new MailDeliveryError(`SMTP TLS failed (${providerCode}): ${reason}`, false, providerCode);
  }
  const temporary = [code, originalCode].some((c) => typeof c === 'string' && TEMPORARY_CODES.has(c));
  return new MailDeliveryError(`SMTP delivery failed${providerCode ? ` (${providerCode})` : ''}: ${reason}`, temporary, providerCode);
}

/** `queued as XYZ` in a 250 reply (Postfix, Exim, most relays), else null. */
function queueId(response: string | undefined): string | null {
  const match = /\bqueued as ([A-Za-z0-9._@<>-]+)/i.exec(response ?? '');
  return match ? match[1]! : null;
}

export class SmtpMailer implements Mailer {
  readonly driver = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(
    config: SmtpMailConfig,
    private readonly log: Logger,
  ) {
    const options = {
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTls ?? false,
      ...(config.user !== undefined ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
      tls: { rejectUnauthorized: config.tlsRejectUnauthorized ?? true, minVersion: 'TLSv1.2' as const },
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    };
    this.transport = config.pool ? createTransport({ ...options, pool: true, maxConnections: 5 }) : createTransport(options);
  }

  async send(input: MailMessage): Promise<SendResult> {
    const message = validateMessage(input);
    let info: { messageId?: string; response?: string; rejected?: unknown[] };
    try {
      info = (await this.transport.sendMail(nodemailerFields(message))) as typeof info;
    } catch (error) {
      const failure = smtpDeliveryError(error);
      this.log.warn({ providerCode: failure.providerCode, temporary: failure.temporary, to: message.to.length }, 'SMTP delivery failed');
      throw failure;
    }
    const rejected = Array.isArray(info.rejected) ? info.rejected.length : 0;
    // Some recipients refused while others were accepted: the message went out, say so.
    if (rejected > 0) this.log.warn({ rejected, to: message.to.length }, 'SMTP server refused some recipients');
    const providerMessageId = queueId(info.response) ?? info.messageId ?? null;
    this.log.debug({ providerMessageId, to: message.to.length }, 'mail sent via SMTP');
    return { providerMessageId };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
