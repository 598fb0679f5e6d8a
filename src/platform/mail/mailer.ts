/**
 * Outbound mail: one small interface with three drivers — an outbox folder of `.eml`
 * files (the embedded default), SMTP (nodemailer) and SendGrid's v3 API. Every driver
 * runs `validateMessage` first, so a message that one driver accepts, all accept, and
 * header injection (CR/LF in a name, subject or header) is refused before any I/O.
 */
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { MailComposerOptions } from 'nodemailer/lib/mail-composer';
import { ValidationError } from '../../errors.js';

export interface Address {
  email: string;
  name?: string;
}

export interface MailMessage {
  from: Address;
  /** 1 to MAX_RECIPIENTS addresses, all visible to each other (one To header). */
  to: Address[];
  replyTo?: Address;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (e.g. `List-Unsubscribe`); names are RFC 7230 tokens, addressing and MIME headers are refused. */
  headers?: Record<string, string>;
  /**
   * Stable key: the same message sent twice is delivered once where the provider supports
   * it. SMTP and the outbox derive the Message-ID from it (`messageIdFor`), the outbox keeps
   * one file per key, and SendGrid receives it as `custom_args.idempotency_key`.
   * 1 to 200 visible ASCII characters.
   */
  idempotencyKey: string;
}

export interface SendResult {
  /** SMTP: the server's queue id when its reply names one, else the Message-ID. SendGrid: `x-message-id`. Outbox: the Message-ID. */
  providerMessageId: string | null;
}

export type MailDriver = 'outbox' | 'smtp' | 'sendgrid';

export interface Mailer {
  readonly driver: MailDriver;
  /** Throws ValidationError (BAD_USER_INPUT) for a malformed message, MailDeliveryError when the provider fails. */
  send(message: MailMessage): Promise<SendResult>;
  /** Releases connections (an SMTP pool); sending afterwards is not supported. */
  close(): Promise<void>;
}

/**
 * Thrown by `send`: `temporary` failures may be retried (network errors, SMTP 4xx, HTTP
 * 429/5xx); permanent ones not (SMTP 5xx, HTTP 400/401/403, TLS or auth set-up). The
 * message never carries credentials; the provider's own error object is not attached.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
    /** SMTP reply code (e.g. 451, 550), HTTP status, or a network/nodemailer code (`ECONNECTION`). */
    readonly providerCode?: string | number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export interface OutboxMailConfig {
  driver: 'outbox';
  /** The folder `.eml` files are written to; created (0700) when missing. */
  dir: string;
}

export interface SmtpMailConfig {
  driver: 'smtp';
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** Without `secure`: refuse to send unless the server offers STARTTLS. (Without it STARTTLS is still used when offered.) */
  requireTls?: boolean;
  /** Both or neither. */
  user?: string;
  password?: string;
  /** Keep a pool of connections open between messages. */
  pool?: boolean;
  /** Default true; false accepts self-signed certificates (tests, private relays). */
  tlsRejectUnauthorized?: boolean;
}

export interface SendGridMailConfig {
  driver: 'sendgrid';
  apiKey: string;
  /** Default `https://api.sendgrid.com/`; tests point it at a local server. */
  baseUrl?: string;
}

export type MailConfig = OutboxMailConfig | SmtpMailConfig | SendGridMailConfig;

export const MAX_RECIPIENTS = 50;
export const MAX_ADDRESS_LENGTH = 254;
export const MAX_NAME_LENGTH = 256;
export const MAX_SUBJECT_LENGTH = 998;
export const MAX_HEADERS = 50;
export const MAX_HEADER_VALUE_LENGTH = 998;
/** Per body (text, html), in UTF-16 code units. */
export const MAX_BODY_LENGTH = 2 * 1024 * 1024;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
// RFC 5322 dot-atom local part (no quoted strings, no comments).
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// LDH labels; at least two; the last not all digits (no IP literals, no bare hosts).
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// RFC 7230 token.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,76}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

/** Headers the adapters set themselves, or that providers refuse (SendGrid's reserved list). */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'return-path',
  'received',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'dkim-signature',
  'x-sg-id',
  'x-sg-eid',
]);

function invalid(field: string, problem: string): ValidationError {
  return new ValidationError(`Invalid mail message: ${field} ${problem}`, { field });
}

function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  if (!value.isWellFormed()) throw invalid(field, 'must be valid Unicode');
  return value;
}

/** `local@domain` with the domain in ASCII (IDNs as punycode); throws naming `field`. */
function checkEmail(value: unknown, field: string): string {
  const email = checkString(value, field);
  if (CONTROL.test(email)) throw invalid(field, 'must not contain control characters (CR, LF, NUL…)');
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) throw invalid(field, 'is not an email address');
  const local = email.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) throw invalid(field, 'is not an email address');
  const domain = domainToASCII(email.slice(at + 1));
  const labels = domain.split('.');
  if (
    domain === '' ||
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    /^[0-9]+$/.test(labels.at(-1)!)
  ) {
    throw invalid(field, 'is not an email address');
  }
  const normalized = `${local}@${domain}`;
  if (email.length > MAX_ADDRESS_LENGTH || normalized.length > MAX_ADDRESS_LENGTH) {
    throw invalid(field, `must be at most ${MAX_ADDRESS_LENGTH} characters`);
  }
  return normalized;
}

function checkAddress(value: unknown, field: string): Address {
  if (typeof value !== 'object' || value === null) throw invalid(field, 'must be an address { email, name? }');
  const { email, name } = value as Address;
  const address: Address = { email: checkEmail(email, `${field}.email`) };
  if (name !== undefined) {
    const checked = checkString(name, `${field}.name`);
    if (CONTROL.test(checked)) throw invalid(`${field}.name`, 'must not contain control characters (CR, LF, NUL…)');
    if (checked.length > MAX_NAME_LENGTH) throw invalid(`${field}.name`, `must be at most ${MAX_NAME_LENGTH} characters`);
    if (checked.trim() !== '') address.name = checked;
  }
  return address;
}

function checkBody(value: unknown, field: string): string {
  const body = checkString(value, field);
  if (body === '') throw invalid(field, 'must not be empty');
  if (NUL.test(body)) throw invalid(field, 'must not contain NUL characters');
  if (body.length > MAX_BODY_LENGTH) throw invalid(field, `must be at most ${MAX_BODY_LENGTH} characters`);
  return body;
}

/**
 * The message as the adapters send it, or BAD_USER_INPUT (`details.field` names the
 * offending field, e.g. `to[3].email`, `headers.X-Tag`). Checks: addresses (a dot-atom
 * RFC 5322 subset, IDN domains turned into punycode, at most 254 characters), 1 to 50
 * distinct recipients, no control characters in names, addresses, subject or header
 * values, a subject of 1 to 998 characters, non-empty text and html bodies without NUL,
 * header names that are tokens and not ones the adapters own, and the idempotency key.
 */
export function validateMessage(message: MailMessage): MailMessage {
  if (typeof message !== 'object' || message === null) throw invalid('message', 'must be an object');
  const from = checkAddress(message.from, 'from');

  if (!Array.isArray(message.to) || message.to.length === 0) throw invalid('to', 'must list at least one recipient');
  if (message.to.length > MAX_RECIPIENTS) throw invalid('to', `must list at most ${MAX_RECIPIENTS} recipients`);
  const seen = new Set<string>();
  const to = message.to.map((address, i) => {
    const checked = checkAddress(address, `to[${i}]`);
    const key = checked.email.toLowerCase();
    if (seen.has(key)) throw invalid(`to[${i}].email`, 'repeats an earlier recipient');
    seen.add(key);
    return checked;
  });

  const replyTo = message.replyTo === undefined ? undefined : checkAddress(message.replyTo, 'replyTo');

  const subject = checkString(message.subject, 'subject');
  if (subject.trim() === '') throw invalid('subject', 'must not be empty');
  if (CONTROL.test(subject)) throw invalid('subject', 'must not contain control characters (CR, LF, NUL…)');
  if (subject.length > MAX_SUBJECT_LENGTH) throw invalid('subject', `must be at most ${MAX_SUBJECT_LENGTH} characters`);

  const text = checkBody(message.text, 'text');
  const html = checkBody(message.html, 'html');

  let headers: Record<string, string> | undefined;
  if (message.headers !== undefined) {
    if (typeof message.headers !== 'object' || message.headers === null) throw invalid('headers', 'must be an object of strings');
    const entries = Object.entries(message.headers);
    if (entries.length > MAX_HEADERS) throw invalid('headers', `must be at most ${MAX_HEADERS}`);
    headers = {};
    const names = new Set<string>();
    for (const [name, value] of entries) {
      const field = `headers.${name.replace(CONTROL_ALL, '?').slice(0, 80)}`;
      if (!HEADER_NAME.test(name)) throw invalid(field, 'is not a valid header name (letters, digits and !#$%&\'*+.^_`|~- only)');
      const lower = name.toLowerCase();
      if (RESERVED_HEADERS.has(lower)) throw invalid(field, 'is set by the mailer and cannot be overridden');
      if (names.has(lower)) throw invalid(field, 'is given twice');
      names.add(lower);
      const checked = checkString(value, field);
      if (CONTROL.test(checked)) throw invalid(field, 'must not contain control characters (CR, LF, NUL…)');
      if (checked.length > MAX_HEADER_VALUE_LENGTH) throw invalid(field, `must be at most ${MAX_HEADER_VALUE_LENGTH} characters`);
      headers[name] = checked;
    }
  }

  const idempotencyKey = checkString(message.idempotencyKey, 'idempotencyKey');
  if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw invalid('idempotencyKey', `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`);
  }

  return {
    from,
    to,
    ...(replyTo ? { replyTo } : {}),
    subject,
    text,
    html,
    ...(headers ? { headers } : {}),
    idempotencyKey,
  };
}

/**
 * The key as a file-name and Message-ID safe token: itself when it is up to 64 of
 * [A-Za-z0-9_-], otherwise a readable prefix plus a hash of the whole key (so distinct
 * keys stay distinct after sanitising).
 */
export function idempotencyToken(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9_-]/g, '-');
  if (safe === key && safe.length <= 64) return safe;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
  return `${safe.slice(0, 64)}.${hash}`;
}

/** `<token@plugboard>`: the same key always gives the same Message-ID, so a retried send is recognisable. */
export function messageIdFor(key: string): string {
  return `<${idempotencyToken(key)}@plugboard>`;
}

/**
 * The nodemailer message fields (for MailComposer and SMTP) of a validated message: the
 * derived Message-ID, and file/URL access off so content can never pull in local files.
 */
export function nodemailerFields(message: MailMessage, date = new Date()): MailComposerOptions {
  const mailbox = (a: Address) => (a.name ? { name: a.name, address: a.email } : { address: a.email });
  return {
    from: mailbox(message.from),
    to: message.to.map(mailbox),
    ...(message.replyTo ? { replyTo: mailbox(message.replyTo) } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.headers ? { headers: message.headers } : {}),
    messageId: messageIdFor(message.idempotencyKey),
    date,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
