/**
 * The mail drivers against real endpoints on 127.0.0.1: an smtp-server (plain, STARTTLS,
 * implicit TLS, AUTH, refusing), a node:http stand-in for SendGrid's API, and the outbox
 * folder. Every message is parsed back with mailparser.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/logger.js';
import {
  createMailer,
  MailDeliveryError,
  messageIdFor,
  OutboxMailer,
  renderTemplate,
  TEMPLATE_NAMES,
  validateMessage,
  type Brand,
  type MailConfig,
  type Mailer,
  type MailMessage,
  type TemplateName,
  type TemplateVariables,
} from '../../src/platform/mail/index.js';
import { startSendGridStub, startSmtpServer, type SendGridStub, type SmtpTestServer, type SmtpTestServerOptions } from '../support/mail-servers.js';

const silent = createLogger('silent');

/** A logger whose lines (parsed JSON) the test can read. */
function captureLog(): { log: Logger; lines: Array<Record<string, unknown>>; raw: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const raw = () => chunks.join('');
  return {
    log: createLogger('debug', stream),
    raw,
    get lines() {
      return raw()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** The rejection of `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ address?: string; name: string }> {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map(({ address, name }) => ({ ...(address !== undefined ? { address } : {}), name })));
}

const BRAND: Brand = { productName: 'Plugboard', senderName: 'The Plugboard team', supportUrl: 'https://help.plugboard.example/' };

const VARIABLES: { [N in TemplateName]: TemplateVariables[N] } = {
  member_invitation: {
    inviter: 'Ada Lovelace',
    workspace: 'Analytical Engines',
    acceptUrl: 'https://app.plugboard.example/invitations/accept?token=inv_123&src=email',
    expiresAt: new Date('2026-12-01T09:30:00Z'),
  },
  email_verification: { verifyUrl: 'https://app.plugboard.example/verify?token=ver_456' },
  password_reset: { resetUrl: 'https://app.plugboard.example/reset?token=pw_789', expiresInMinutes: 30 },
  sign_in_link: { signInUrl: 'https://app.plugboard.example/sign-in?token=mag_abc' },
  workflow_run_finished: { appName: 'Support bot', runId: 'run_01HXYZ', runUrl: 'https://app.plugboard.example/apps/support-bot/runs/run_01HXYZ' },
  workflow_run_failed: {
    appName: 'Support bot',
    runId: 'run_01HXZZ',
    runUrl: 'https://app.plugboard.example/apps/support-bot/runs/run_01HXZZ',
    error: 'HTTP 502 from tool "search"',
  },
  api_key_created: { keyName: 'CI deploys', prefix: 'pb_3kf9', workspace: 'Analytical Engines', createdBy: 'Ada Lovelace' },
};

/** The link each template must carry (api_key_created has none). */
const LINKS: Record<TemplateName, string | null> = {
  member_invitation: VARIABLES.member_invitation.acceptUrl,
  email_verification: VARIABLES.email_verification.verifyUrl,
  password_reset: VARIABLES.password_reset.resetUrl,
  sign_in_link: VARIABLES.sign_in_link.signInUrl,
  workflow_run_finished: VARIABLES.workflow_run_finished.runUrl,
  workflow_run_failed: VARIABLES.workflow_run_failed.runUrl,
  api_key_created: null,
};

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: { email: 'no-reply@plugboard.example', name: 'Plugboard' },
    to: [{ email: 'ada@example.com', name: 'Ada Lovelace' }],
    subject: 'Hello',
    text: 'Hello in text',
    html: '<p>Hello in <b>HTML</b></p>',
    idempotencyKey: `msg-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  // Mailers first (they hold connections), then servers and folders.
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function smtpServer(options?: SmtpTestServerOptions): Promise<SmtpTestServer> {
  const server = await startSmtpServer(options);
  cleanups.push(() => server.stop());
  return server;
}

function mailer(config: MailConfig, log: Logger = silent): Mailer {
  const created = createMailer(config, log);
  cleanups.push(() => created.close());
  return created;
}

function smtpConfig(server: SmtpTestServer, extra: Partial<Extract<MailConfig, { driver: 'smtp' }>> = {}): MailConfig {
  // smtp-server's built-in test certificate is self-signed (and expired).
  return { driver: 'smtp', host: server.host, port: server.port, secure: false, tlsRejectUnauthorized: false, ...extra };
}

describe('SMTP', () => {
  let server: SmtpTestServer;
  let smtp: Mailer;

  beforeAll(async () => {
    server = await smtpServer();
    smtp = mailer(smtpConfig(server));
  });

  const cases = TEMPLATE_NAMES.flatMap((name) => (['en', 'zh-Hans'] as const).map((language) => ({ name, language })));

  it.each(cases)('delivers $name in $language as multipart/alternative with decoded headers and links', async ({ name, language }) => {
    const rendered = renderTemplate(name, language, VARIABLES[name], BRAND);
    const from = { email: 'no-reply@plugboard.example', name: language === 'en' ? 'Plugboard' : 'Plugboard 通知' };
    const to = [{ email: 'ada@example.com', name: language === 'en' ? 'Ada Lovelace' : '艾达' }, { email: 'grace@example.org' }];
    const key = `${name}-${language}`;
    const before = server.received.length;

    const result = await smtp.send({ from, to, subject: rendered.subject, text: rendered.text, html: rendered.html, idempotencyKey: key });

    expect(server.received).toHaveLength(before + 1);
    const received = server.received.at(-1)!;
    expect(result.providerMessageId).toBe(`TESTQ${before + 1}`);
    expect(received.secure).toBe(true); // STARTTLS was offered and used
    expect(received.envelope).toEqual({ from: from.email, to: ['ada@example.com', 'grace@example.org'] });

    const parsed: ParsedMail = await simpleParser(received.raw);
    expect(parsed.subject).toBe(rendered.subject);
    expect(addresses(parsed.from)).toEqual([{ address: from.email, name: from.name }]);
    expect(addresses(parsed.to)).toEqual([
      { address: 'ada@example.com', name: to[0]!.name },
      { address: 'grace@example.org', name: '' },
    ]);
    expect(parsed.messageId).toBe(`<${key}@plugboard>`);
    expect((parsed.headers.get('content-type') as { value: string }).value).toBe('multipart/alternative');
    expect(parsed.text).toBe(rendered.text);
    expect(parsed.html).toBe(rendered.html);

    const link = LINKS[name];
    if (link) {
      expect(parsed.text).toContain(link);
      expect(parsed.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    }
    if (language === 'zh-Hans') {
      expect(rendered.subject).toMatch(/[\u4e00-\u9fff]/);
      // Non-ASCII headers travel encoded (RFC 2047), never as raw 8-bit.
      const header = received.raw.toString('latin1').split(/\r?\n\r?\n/)[0]!;
      expect(header).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(header).not.toMatch(/[^\x00-\x7f]/);
    }
  });

  it('returns the Message-ID when the server reply names no queue id', async () => {
    const plain = await smtpServer({ queuedReply: () => 'Ok' });
    const result = await mailer(smtpConfig(plain)).send(message({ idempotencyKey: 'welcome/ada@example.com' }));
    expect(result.providerMessageId).toBe(messageIdFor('welcome/ada@example.com'));
    // A sanitised key keeps a hash, so distinct keys give distinct Message-IDs.
    expect(result.providerMessageId).toMatch(/^<welcome-ada-example-com\.[0-9a-f]{16}@plugboard>$/);
    expect(messageIdFor('welcome:ada@example.com')).not.toBe(result.providerMessageId);
  });

  it('authenticates with user and password over STARTTLS', async () => {
    const auth = await smtpServer({ auth: { user: 'mailer', password: 'correct horse battery' } });
    await mailer(smtpConfig(auth, { requireTls: true, user: 'mailer', password: 'correct horse battery' })).send(message());
    expect(auth.received).toHaveLength(1);
    expect(auth.received[0]!.user).toBe('mailer');
    expect(auth.received[0]!.secure).toBe(true);
  });

  it('fails permanently (535) on a wrong password, without the password in the error or the log', async () => {
    const auth = await smtpServer({ auth: { user: 'mailer', password: 'correct horse battery' } });
    const capture = captureLog();
    const error = await failure(
      mailer(smtpConfig(auth, { requireTls: true, user: 'mailer', password: 'wrong-Pa55word' }), capture.log).send(message()),
    );
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ temporary: false, providerCode: 535 });
    expect(auth.failedLogins).toEqual(['mailer']);
    expect(auth.received).toHaveLength(0);
    const everything = `${error.message} ${JSON.stringify(error)} ${String(error.stack)} ${capture.raw()}`;
    expect(everything).not.toContain('wrong-Pa55word');
    expect(everything).not.toContain(Buffer.from('wrong-Pa55word').toString('base64'));
    expect(capture.raw()).toContain('SMTP delivery failed');
  });

  it('fails permanently (530) when the server requires AUTH and no credentials are configured', async () => {
    const auth = await smtpServer({ auth: { user: 'mailer', password: 'pw' } });
    const error = await failure(mailer(smtpConfig(auth)).send(message()));
    expect(error).toMatchObject({ temporary: false, providerCode: 530 });
  });

  it('requires STARTTLS when asked to, and refuses to send in clear text without it', async () => {
    const tls = await smtpServer();
    await mailer(smtpConfig(tls, { requireTls: true })).send(message());
    expect(tls.received[0]!.secure).toBe(true);

    const clear = await smtpServer({ starttls: false });
    const error = await failure(mailer(smtpConfig(clear, { requireTls: true })).send(message()));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.temporary).toBe(false);
    expect(clear.received).toHaveLength(0);
  });

  it('verifies certificates by default: a self-signed one is a permanent TLS failure', async () => {
    const tls = await smtpServer();
    const error = await failure(mailer(smtpConfig(tls, { tlsRejectUnauthorized: true, requireTls: true })).send(message()));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.temporary).toBe(false);
    expect(String(error.providerCode)).toMatch(/CERT|SELF_SIGNED|UNABLE_TO/);
    expect(tls.received).toHaveLength(0);
  });

  it('speaks implicit TLS (secure)', async () => {
    const tls = await smtpServer({ secure: true });
    await mailer(smtpConfig(tls, { secure: true })).send(message());
    expect(tls.received).toHaveLength(1);
    expect(tls.received[0]!.secure).toBe(true);
  });

  it('maps 451 to a temporary failure and 550 to a permanent one', async () => {
    const busy = await smtpServer({ rejectData: { code: 451, message: 'Try again later' } });
    const temporary = await failure(mailer(smtpConfig(busy)).send(message()));
    expect(temporary).toBeInstanceOf(MailDeliveryError);
    expect(temporary).toMatchObject({ temporary: true, providerCode: 451 });

    const refusing = await smtpServer({ rejectRecipient: { code: 550, message: 'No such user here' } });
    const permanent = await failure(mailer(smtpConfig(refusing)).send(message()));
    expect(permanent).toBeInstanceOf(MailDeliveryError);
    expect(permanent).toMatchObject({ temporary: false, providerCode: 550 });
    expect(permanent.message).toContain('No such user here');
  });

  it('maps a refused connection to a temporary failure', async () => {
    const gone = await startSmtpServer();
    await gone.stop();
    const error = await failure(mailer(smtpConfig(gone)).send(message()));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ temporary: true, providerCode: 'ECONNREFUSED' });
  });

  it('sends through a connection pool and closes it', async () => {
    const pooled = await smtpServer();
    const pool = createMailer(smtpConfig(pooled, { pool: true }), silent);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.send(message({ idempotencyKey: `pooled-${i}` }))));
    await pool.close();
    expect(pooled.received).toHaveLength(6);
    expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(6);
  });
});

describe('SendGrid', () => {
  const API_KEY = 'SG.test-key-one.abcdefghijklmnop';
  let stub: SendGridStub;
  let sendgrid: Mailer;

  beforeAll(async () => {
    stub = await startSendGridStub();
    cleanups.push(() => stub.stop());
    sendgrid = mailer({ driver: 'sendgrid', apiKey: API_KEY, baseUrl: stub.baseUrl });
  });

  it('POSTs /v3/mail/send with the bearer key and the message as JSON, and returns x-message-id', async () => {
    const rendered = renderTemplate('member_invitation', 'zh-Hans', VARIABLES.member_invitation, BRAND);
    stub.respondWith({ status: 202, headers: { 'x-message-id': 'sg-abc123' } });
    const before = stub.requests.length;
    const result = await sendgrid.send({
      from: { email: 'no-reply@plugboard.example', name: 'Plugboard 通知' },
      to: [{ email: 'ada@example.com', name: 'Ada' }, { email: 'grace@example.org' }],
      replyTo: { email: 'support@plugboard.example' },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { 'X-Plugboard-Template': 'member_invitation' },
      idempotencyKey: 'invite-42',
    });
    expect(result).toEqual({ providerMessageId: 'sg-abc123' });
    expect(stub.requests).toHaveLength(before + 1);
    const request = stub.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/mail/send');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.body).toMatchObject({
      from: { email: 'no-reply@plugboard.example', name: 'Plugboard 通知' },
      reply_to: { email: 'support@plugboard.example' },
      subject: rendered.subject,
      personalizations: [{ to: [{ email: 'ada@example.com', name: 'Ada' }, { email: 'grace@example.org' }] }],
      content: [
        { type: 'text/plain', value: rendered.text },
        { type: 'text/html', value: rendered.html },
      ],
      headers: { 'X-Plugboard-Template': 'member_invitation' },
      custom_args: { idempotency_key: 'invite-42' },
    });
  });

  it.each([
    { status: 429, temporary: true },
    { status: 500, temporary: true },
    { status: 503, temporary: true },
    { status: 400, temporary: false },
    { status: 401, temporary: false },
    { status: 403, temporary: false },
  ])('maps HTTP $status to temporary=$temporary with providerCode $status', async ({ status, temporary }) => {
    stub.respondWith({ status, body: { errors: [{ message: 'The from address does not match a verified Sender Identity', field: 'from' }] } });
    const capture = captureLog();
    const own = mailer({ driver: 'sendgrid', apiKey: API_KEY, baseUrl: stub.baseUrl }, capture.log);
    const error = await failure(own.send(message()));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ temporary, providerCode: status });
    expect(error.message).toContain(`HTTP ${status}`);
    const everything = `${error.message} ${JSON.stringify(error)} ${String(error.stack)} ${capture.raw()}`;
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain('test-key-one');
  });

  it('maps an unreachable API to a temporary failure without the key in it', async () => {
    const gone = await startSendGridStub();
    await gone.stop();
    const error = await failure(mailer({ driver: 'sendgrid', apiKey: API_KEY, baseUrl: gone.baseUrl }).send(message()));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ temporary: true, providerCode: 'ECONNREFUSED' });
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(API_KEY);
  });

  it('keeps two instances apart (own key, own base URL)', async () => {
    const other = await startSendGridStub();
    cleanups.push(() => other.stop());
    const second = mailer({ driver: 'sendgrid', apiKey: 'SG.second-key', baseUrl: other.baseUrl });
    const beforeFirst = stub.requests.length;
    await second.send(message());
    await sendgrid.send(message());
    await second.send(message());
    expect(other.requests.map((r) => r.headers.authorization)).toEqual(['Bearer SG.second-key', 'Bearer SG.second-key']);
    expect(stub.requests.slice(beforeFirst).map((r) => r.headers.authorization)).toEqual([`Bearer ${API_KEY}`]);
  });
});

describe('outbox', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'plugboard-mail-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
  });

  it('writes an .eml file that parses back, in a private folder, and logs one line without the bodies', async () => {
    const dir = path.join(root, 'first', 'outbox');
    const capture = captureLog();
    const outbox = mailer({ driver: 'outbox', dir }, capture.log);
    const rendered = renderTemplate('password_reset', 'zh-Hans', VARIABLES.password_reset, BRAND);
    const result = await outbox.send({
      from: { email: 'no-reply@plugboard.example', name: 'Plugboard' },
      to: [{ email: 'ada@example.com', name: '艾达' }],
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      idempotencyKey: 'reset-7',
    });
    expect(result.providerMessageId).toBe('<reset-7@plugboard>');

    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-reset-7\.eml$/);
    const file = path.join(dir, names[0]!);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await (outbox as OutboxMailer).list()).toEqual([file]);

    const parsed = await simpleParser(await readFile(file));
    expect(parsed.subject).toBe(rendered.subject);
    expect(parsed.text).toBe(rendered.text);
    expect(parsed.html).toBe(rendered.html);
    expect(addresses(parsed.to)).toEqual([{ address: 'ada@example.com', name: '艾达' }]);
    expect(parsed.messageId).toBe('<reset-7@plugboard>');

    const lines = capture.lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'mail written to outbox', to: ['ada@example.com'], subject: rendered.subject, file });
    expect(capture.raw()).not.toContain(VARIABLES.password_reset.resetUrl);
    expect(capture.raw().trim().split('\n')).toHaveLength(1);
  });

  it('keeps one file per idempotency key, also for concurrent sends', async () => {
    const dir = path.join(root, 'idempotent');
    const outbox = mailer({ driver: 'outbox', dir });
    const first = await outbox.send(message({ idempotencyKey: 'same-key' }));
    const again = await outbox.send(message({ idempotencyKey: 'same-key', subject: 'A retry' }));
    const racing = await Promise.all([1, 2, 3].map(() => outbox.send(message({ idempotencyKey: 'raced-key' }))));
    expect(again).toEqual(first);
    expect(new Set(racing.map((r) => r.providerMessageId)).size).toBe(1);
    // Keys that sanitise alike stay apart.
    await outbox.send(message({ idempotencyKey: 'a/b' }));
    await outbox.send(message({ idempotencyKey: 'a:b' }));

    const names = (await readdir(dir)).sort();
    expect(names.filter((n) => n.endsWith('-same-key.eml'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('-raced-key.eml'))).toHaveLength(1);
    expect(names.filter((n) => /-a-b\.[0-9a-f]{16}\.eml$/.test(n))).toHaveLength(2);
    expect(names).toHaveLength(4); // no temp files left behind
    const parsed = await simpleParser(await readFile(path.join(dir, names.find((n) => n.endsWith('-same-key.eml'))!)));
    expect(parsed.subject).toBe('Hello');
  });
});

describe('bad input', () => {
  let server: SmtpTestServer;
  let stub: SendGridStub;
  let root: string;
  const drivers: Record<string, () => Mailer> = {};

  beforeAll(async () => {
    server = await smtpServer();
    stub = await startSendGridStub();
    cleanups.push(() => stub.stop());
    root = await mkdtemp(path.join(os.tmpdir(), 'plugboard-mail-bad-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const smtp = mailer(smtpConfig(server));
    const sendgrid = mailer({ driver: 'sendgrid', apiKey: 'SG.bad-input', baseUrl: stub.baseUrl });
    const outbox = mailer({ driver: 'outbox', dir: path.join(root, 'outbox') });
    Object.assign(drivers, { smtp: () => smtp, sendgrid: () => sendgrid, outbox: () => outbox });
  });

  async function expectBadInput(input: MailMessage, field: string): Promise<void> {
    for (const [driver, get] of Object.entries(drivers)) {
      const error = await failure(get().send(input));
      expect(error.code, `${driver}: ${error.message}`).toBe('BAD_USER_INPUT');
      expect((error.details as { field?: string } | undefined)?.field, driver).toBe(field);
    }
    // Refused before any I/O.
    expect(server.received).toHaveLength(0);
    expect(stub.requests).toHaveLength(0);
    expect(await readdir(path.join(root, 'outbox')).catch(() => [])).toHaveLength(0);
  }

  it.each([
    'plainaddress',
    '@example.com',
    'ada@',
    'ada@localhost',
    'ada..lovelace@example.com',
    '.ada@example.com',
    'ada.@example.com',
    'ada lovelace@example.com',
    '"ada"@example.com',
    'ada@[127.0.0.1]',
    'ada@-example.com',
    'ada@example..com',
    'ada@example.123',
    'ada@exa_mple.com',
    'ada<script>@example.com',
    `${'a'.repeat(65)}@example.com`,
    `ada@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`,
  ])('refuses the address %j', async (email) => {
    await expectBadInput(message({ to: [{ email }] }), 'to[0].email');
  });

  it('accepts a sane RFC 5322 subset and normalises IDN domains', () => {
    const checked = validateMessage(
      message({ to: [{ email: "o'brien+tag@mail.example.co.uk" }, { email: 'juergen@bücher.de' }] }),
    );
    expect(checked.to.map((a) => a.email)).toEqual(["o'brien+tag@mail.example.co.uk", 'juergen@xn--bcher-kva.de']);
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(longest).toHaveLength(254);
    expect(validateMessage(message({ to: [{ email: longest }] })).to[0]!.email).toBe(longest);
  });

  it.each([
    ['a CR/LF in a display name', message({ to: [{ email: 'ada@example.com', name: 'Ada\r\nBcc: eve@evil.example' }] }), 'to[0].name'],
    ['a LF in the sender name', message({ from: { email: 'no-reply@plugboard.example', name: 'Plugboard\nBcc: eve@evil.example' } }), 'from.name'],
    ['a NUL in a display name', message({ to: [{ email: 'ada@example.com', name: 'Ada\u0000' }] }), 'to[0].name'],
    ['a CR/LF in the subject', message({ subject: 'Hello\r\nBcc: eve@evil.example' }), 'subject'],
    ['a CR/LF in an address', message({ to: [{ email: 'ada@example.com\r\nBcc: eve@evil.example' }] }), 'to[0].email'],
    ['a CR/LF in the reply-to address', message({ replyTo: { email: 'ada@example.com\nX: y' } }), 'replyTo.email'],
    ['a CR/LF in a header value', message({ headers: { 'X-Tag': 'a\r\nBcc: eve@evil.example' } }), 'headers.X-Tag'],
    ['a header name that is no token', message({ headers: { 'X Tag': 'a' } }), 'headers.X Tag'],
    ['a header name with a colon', message({ headers: { 'X-Tag:': 'a' } }), 'headers.X-Tag:'],
    ['a Bcc header', message({ headers: { Bcc: 'eve@evil.example' } }), 'headers.Bcc'],
    ['a Content-Type header', message({ headers: { 'content-type': 'text/plain' } }), 'headers.content-type'],
    ['an empty subject', message({ subject: '   ' }), 'subject'],
    ['a subject over 998 characters', message({ subject: 'x'.repeat(999) }), 'subject'],
    ['no recipients', message({ to: [] }), 'to'],
    ['a repeated recipient', message({ to: [{ email: 'ada@example.com' }, { email: 'ADA@example.com' }] }), 'to[1].email'],
    ['an empty html body', message({ html: '' }), 'html'],
    ['an idempotency key with spaces', message({ idempotencyKey: 'a key' }), 'idempotencyKey'],
    ['an idempotency key over 200 characters', message({ idempotencyKey: 'k'.repeat(201) }), 'idempotencyKey'],
  ])('refuses %s', async (_label, input, field) => {
    await expectBadInput(input, field);
  });

  it('refuses 10,000 recipients, and 51, but takes 50', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `user${i}@example.com` }));
    await expectBadInput(message({ to: many(10_000) }), 'to');
    await expectBadInput(message({ to: many(51) }), 'to');
    expect(validateMessage(message({ to: many(50) })).to).toHaveLength(50);
  });

  it('refuses a non-http URL in a template variable', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example.com/x', '/relative/path']) {
      let error: (Error & { code?: string; details?: { field?: string } }) | undefined;
      try {
        renderTemplate('sign_in_link', 'en', { signInUrl: url }, BRAND);
      } catch (e) {
        error = e as typeof error;
      }
      expect(error?.code, url).toBe('BAD_USER_INPUT');
      expect(error?.details?.field).toBe('variables.signInUrl');
    }
  });

  it('escapes variables in HTML and delivers them as text', async () => {
    const rendered = renderTemplate(
      'member_invitation',
      'en',
      { ...VARIABLES.member_invitation, workspace: '<script>alert("x")</script>', inviter: `Eve "O'Hara" & co` },
      BRAND,
    );
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(rendered.html).toContain('Eve &quot;O&#39;Hara&quot; &amp; co');
    expect(rendered.subject).toBe(`Eve "O'Hara" & co invited you to join <script>alert("x")</script> on Plugboard`);
    const outbox = mailer({ driver: 'outbox', dir: path.join(root, 'escaping') });
    await outbox.send(message({ subject: rendered.subject, text: rendered.text, html: rendered.html }));
    const [file] = await (outbox as OutboxMailer).list();
    const parsed = await simpleParser(await readFile(file!));
    expect(parsed.subject).toBe(rendered.subject);
    expect(parsed.html).toBe(rendered.html);
    expect(parsed.text).toContain('<script>alert("x")</script>');
  });
});

describe('createMailer', () => {
  it.each<[string, MailConfig, RegExp]>([
    ['outbox without a folder', { driver: 'outbox', dir: '' }, /outbox folder .* is required when PLUGBOARD_MAIL=outbox/],
    ['smtp without a host', { driver: 'smtp', host: '', port: 587, secure: false }, /PLUGBOARD_SMTP_HOST is required when PLUGBOARD_MAIL=smtp/],
    ['smtp with a bad port', { driver: 'smtp', host: 'mail.example.com', port: 70000, secure: false }, /PLUGBOARD_SMTP_PORT must be/],
    ['smtp with a user and no password', { driver: 'smtp', host: 'mail.example.com', port: 587, secure: false, user: 'u' }, /PLUGBOARD_SMTP_PASSWORD is required when PLUGBOARD_SMTP_USER is set/],
    ['smtp with a password and no user', { driver: 'smtp', host: 'mail.example.com', port: 587, secure: false, password: 'hunter2' }, /PLUGBOARD_SMTP_USER is required/],
    ['sendgrid without a key', { driver: 'sendgrid', apiKey: '' }, /SENDGRID_API_KEY is required when PLUGBOARD_MAIL=sendgrid/],
    ['sendgrid with a bad base URL', { driver: 'sendgrid', apiKey: 'SG.secret-value', baseUrl: 'file:///etc/passwd' }, /SENDGRID_BASE_URL must be an http/],
    ['an unknown driver', { driver: 'pigeon' } as unknown as MailConfig, /PLUGBOARD_MAIL must be outbox, smtp or sendgrid/],
  ])('refuses %s in one line without secrets', (_label, config, pattern) => {
    let error: Error | undefined;
    try {
      createMailer(config, silent);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(/^Invalid configuration: /);
    expect(error?.message).toMatch(pattern);
    expect(error?.message).not.toContain('\n');
    expect(error?.message).not.toContain('hunter2');
    expect(error?.message).not.toContain('secret-value');
  });

  it('warns when SMTP credentials might travel without TLS, without logging the password', () => {
    const capture = captureLog();
    const smtp = createMailer({ driver: 'smtp', host: 'mail.example.com', port: 587, secure: false, user: 'u', password: 'hunter2' }, capture.log);
    expect(smtp.driver).toBe('smtp');
    expect(capture.lines.map((l) => l.level)).toEqual([40]);
    expect(capture.raw()).not.toContain('hunter2');
    void smtp.close();
  });
});
