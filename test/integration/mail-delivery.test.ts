/**
 * The mail delivery pipeline through a real gateway over HTTP: a GraphQL mutation records
 * a message (mail_deliveries), the background worker renders and sends it to a real local
 * endpoint (an smtp-server on 127.0.0.1, a node:http stand-in for SendGrid, a silent TCP
 * socket), and the delivery record tells admins what happened. Adapter-level behaviour
 * (MIME details per template, error mapping of each driver) is in test/platform/mail.test.ts;
 * here every case goes through the gateway: recording, the queue, retries, restarts,
 * notices and send limits.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../src/platform/mail/index.js';
import type { Language, MailDeliveriesQuery, MailDeliveryStatus } from '../__generated__/graphql.js';
import { execute, request } from '../support/client.js';
import { createApiKey, createWorkspace, signUpUser, workspaceWithRoles } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { Invitations, InviteMembers, MailDeliveries, UpdateProfile } from '../support/mail-factories.js';
import { startSendGridStub, startSmtpServer, type SendGridStub, type SmtpReply, type SmtpTestServer } from '../support/mail-servers.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { until, wait } from '../support/timing.js';

type Delivery = MailDeliveriesQuery['mailDeliveries']['edges'][number]['node'];

const FROM = 'no-reply@plugboard.example';
const WEB_URL = 'https://app.plugboard.example';
const FINAL: readonly MailDeliveryStatus[] = ['SENT', 'FAILED'];
const WAIT_MS = 15_000;

/** Teardown steps, run newest first: a gateway stops before the mail server it holds connections to. */
function teardown() {
  const steps: Array<() => Promise<void>> = [];
  return {
    add(step: () => Promise<void>) {
      steps.push(step);
    },
    async run() {
      const errors: unknown[] = [];
      while (steps.length > 0) {
        try {
          await steps.pop()!();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw errors[0];
    },
  };
}

/** The environment of a gateway sending through `smtp` (plain or STARTTLS with the test certificate). */
function smtpEnv(smtp: { host: string; port: number }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PLUGBOARD_MAIL: 'smtp',
    PLUGBOARD_MAIL_FROM: FROM,
    PLUGBOARD_SMTP_HOST: smtp.host,
    PLUGBOARD_SMTP_PORT: String(smtp.port),
    // smtp-server's built-in certificate is self-signed.
    PLUGBOARD_SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
    PLUGBOARD_WEB_URL: WEB_URL,
    PLUGBOARD_MAIL_RETRY_DELAY: '200ms',
    ...extra,
  };
}

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** The delivery records of the caller's current workspace to `recipient`, newest first. */
async function deliveriesTo(server: TestServer, token: string, recipient: string): Promise<Delivery[]> {
  const data = await execute(server.url, MailDeliveries, { filter: { recipient }, first: 50 }, { token });
  return data.mailDeliveries.edges.map((edge) => edge.node);
}

/** Waits for the one delivery to `recipient` to match `done` (by default: to be final) and returns it. */
async function waitForDelivery(server: TestServer, token: string, recipient: string, done: (d: Delivery) => boolean = (d) => FINAL.includes(d.status)): Promise<Delivery> {
  let found: Delivery | undefined;
  await until(async () => {
    const list = await deliveriesTo(server, token, recipient);
    found = list[0];
    return list.length === 1 && done(list[0]!);
  }, WAIT_MS);
  return found!;
}

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ address?: string; name: string }> {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map(({ address, name }) => ({ ...(address !== undefined ? { address } : {}), name })));
}

/** The received messages whose envelope names `recipient`. */
const receivedBy = <M extends { envelope: { to: string[] } }>(received: readonly M[], recipient: string): M[] =>
  received.filter((mail) => mail.envelope.to.map((to) => to.toLowerCase()).includes(recipient.toLowerCase()));

/** The header block of a raw message, as bytes read one to one. */
const headerBlock = (raw: Buffer) => raw.toString('latin1').split(/\r?\n\r?\n/)[0]!;

const INVITE_LINK = new RegExp(`${WEB_URL.replace(/[.]/g, '\\.')}/invite#token=(pbi_[A-Za-z0-9_-]+)`);

function inviteToken(parsed: ParsedMail): string {
  const match = INVITE_LINK.exec(parsed.text ?? '');
  if (!match) throw new Error(`no invitation link in: ${parsed.text}`);
  return match[1]!;
}

interface ScriptedSmtpServer {
  host: string;
  port: number;
  /** Messages that reached the end of DATA, per recipient (accepted or refused). */
  attempts: Map<string, number>;
  /** Messages accepted. */
  received: Array<{ raw: Buffer; envelope: { to: string[] } }>;
  stop(): Promise<void>;
}

/**
 * A plain SMTP server (no STARTTLS, no AUTH) that answers each message at the end of DATA
 * as `reply(recipient, attempt)` says (null: accept with `250 queued as …`), and counts
 * the attempts per recipient — test/support's server does not count refused messages.
 */
async function startScriptedSmtpServer(reply: (recipient: string, attempt: number) => SmtpReply | null): Promise<ScriptedSmtpServer> {
  const attempts = new Map<string, number>();
  const received: ScriptedSmtpServer['received'] = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const recipient = to[0] ?? '';
        const attempt = (attempts.get(recipient) ?? 0) + 1;
        attempts.set(recipient, attempt);
        const refusal = reply(recipient, attempt);
        if (refusal) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        received.push({ raw: Buffer.concat(chunks), envelope: { to } });
        callback(null, `OK: queued as SCRIPTQ${received.length}`);
      });
    },
  });
  server.on('error', () => {
    // A client going away mid-session is not this server's problem.
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return { host: '127.0.0.1', port, attempts, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A TCP server that accepts connections and never says a word (no SMTP greeting). */
async function startSilentServer(): Promise<{ host: string; port: number; sockets: Set<Socket>; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    host: '127.0.0.1',
    port,
    sockets,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * One SQL statement on a stopped gateway's database: server Postgres through `pg`, embedded
 * PGlite by opening its folder directly (only while no gateway has it open).
 */
async function sqlOnStoppedDatabase(database: TestDatabase, sql: string, params: unknown[]): Promise<number> {
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rowCount ?? 0;
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(path.join(database.dataDir, 'db'));
  try {
    return (await db.query(sql, params)).affectedRows ?? 0;
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------

describe('SMTP with STARTTLS and AUTH', () => {
  const cleanup = teardown();
  const SMTP_USER = 'plugboard-mailer';
  const SMTP_PASSWORD = 'smtp-Pa55word-never-logged';
  let smtp: SmtpTestServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ auth: { user: SMTP_USER, password: SMTP_PASSWORD } });
    cleanup.add(() => smtp.stop());
    server = await startTestServer({
      env: smtpEnv(smtp, {
        PLUGBOARD_MAIL_FROM_NAME: 'Plugboard Team',
        PLUGBOARD_SMTP_REQUIRE_TLS: 'true',
        PLUGBOARD_SMTP_USER: SMTP_USER,
        PLUGBOARD_SMTP_PASSWORD: SMTP_PASSWORD,
      }),
    });
    cleanup.add(() => server.stop());
  });
  afterAll(() => cleanup.run());

  it('delivers an invitation over TLS as the authenticated user, and records it SENT', async () => {
    const owner = await signUpUser(server.url, 'Ada');
    await createWorkspace(server.url, owner.token, 'Engines');
    const invitee = unique('invitee');

    const invited = await request(server.url, InviteMembers, { input: { emails: [invitee], role: 'EDITOR' } }, { token: owner.token });
    expect(invited.body.errors).toBeUndefined();
    expect(invited.body.data?.inviteWorkspaceMembers.invitations).toEqual([expect.objectContaining({ email: invitee, role: 'EDITOR', status: 'PENDING', language: 'EN' })]);

    const delivery = await waitForDelivery(server, owner.token, invitee);
    expect(delivery).toMatchObject({
      template: 'MEMBER_INVITATION',
      recipient: invitee,
      language: 'EN',
      status: 'SENT',
      attempts: 1,
      lastError: null,
      lastErrorCode: null,
      nextAttemptAt: null,
    });
    expect(delivery.sentAt).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(delivery.sentAt!))).toBe(false);
    // smtp-server answers `250 OK: queued as TESTQ<n>`: the queue id is the provider's ID.
    expect(delivery.providerMessageId).toMatch(/^TESTQ\d+$/);

    const mails = receivedBy(smtp.received, invitee);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.envelope).toEqual({ from: FROM, to: [invitee] });
    expect(smtp.failedLogins).toEqual([]);

    const parsed = await simpleParser(mail.raw);
    expect(addresses(parsed.from)).toEqual([{ address: FROM, name: 'Plugboard Team' }]);
    expect(addresses(parsed.to).map((a) => a.address)).toEqual([invitee]);
    expect(parsed.subject).toBe(delivery.subject);
    expect(parsed.subject).toBe('Ada invited you to join Engines on Plugboard');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.text).toEqual(expect.any(String));
    expect(parsed.html).toEqual(expect.any(String));

    const token = inviteToken(parsed);
    const link = `${WEB_URL}/invite#token=${token}`;
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(link);

    // The Message-ID derives from the delivery record's ID (idempotency key `delivery:<id>`).
    expect(parsed.messageId).toBe(messageIdFor(`delivery:${delivery.id}`));
    // `delivery:<id>` is not a bare token (the colon), so idempotencyToken appends a hash of the
    // key: `<delivery-<id>.<16 hex>@plugboard>`, not `<delivery-<id>@plugboard>`.
    expect(parsed.messageId).toMatch(new RegExp(`^<delivery-${delivery.id}\\.[0-9a-f]{16}@plugboard>$`));

    // Neither the SMTP password (plain or as AUTH sends it) nor the invitation token is logged.
    const logs = server.logs.join('\n');
    expect(logs).not.toContain(SMTP_PASSWORD);
    expect(logs).not.toContain(Buffer.from(SMTP_PASSWORD).toString('base64'));
    expect(logs).not.toContain(Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString('base64'));
    expect(logs).not.toContain(token);
  });
});

describe('language of the mail', () => {
  const cleanup = teardown();
  let smtp: SmtpTestServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    cleanup.add(() => smtp.stop());
    server = await startTestServer({ env: smtpEnv(smtp, { PLUGBOARD_MAIL_FROM_NAME: 'Plugboard 通知' }) });
    cleanup.add(() => server.stop());
  });
  afterAll(() => cleanup.run());

  async function expectChinese(token: string, invitee: string, inviter: string, workspace: string) {
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'SENT', language: 'ZH_HANS' });
    const expectedSubject = `${inviter} 邀请你加入 Plugboard 工作空间“${workspace}”`;
    expect(delivery.subject).toBe(expectedSubject);

    const mails = receivedBy(smtp.received, invitee);
    expect(mails).toHaveLength(1);
    const raw = mails[0]!.raw;
    // Headers travel as 7-bit ASCII (RFC 2047 encoded words); bodies declare UTF-8.
    expect(headerBlock(raw)).toMatch(/^[\x00-\x7f]*$/);
    expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?/im);
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/html; charset=utf-8/i);

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(expectedSubject);
    expect(addresses(parsed.from)).toEqual([{ address: FROM, name: 'Plugboard 通知' }]);
    expect(parsed.text).toContain('接受邀请');
    expect(parsed.text).toContain(`“${workspace}”`);
    expect(parsed.html).toContain('接受邀请');
    expect(parsed.html).toContain(workspace);
    expect(parsed.text).toMatch(INVITE_LINK);
    expect(parsed.text).not.toContain('\ufffd');
    expect(parsed.html).not.toContain('\ufffd');
  }

  it('writes in Simplified Chinese when the inviter’s profile language is ZH_HANS', async () => {
    const owner = await signUpUser(server.url, 'Lin');
    await createWorkspace(server.url, owner.token, '星火');
    const profile = await execute(server.url, UpdateProfile, { input: { language: 'ZH_HANS' } }, { token: owner.token });
    expect(profile.updateProfile.user.language).toBe('ZH_HANS');

    const invitee = unique('zh-profile');
    const invited = await execute(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token: owner.token });
    expect(invited.inviteWorkspaceMembers.invitations[0]!.language).toBe('ZH_HANS');
    await expectChinese(owner.token, invitee, 'Lin', '星火');
  });

  it('writes in Simplified Chinese when the invite asks for ZH_HANS, whatever the inviter’s language', async () => {
    const owner = await signUpUser(server.url, 'Grace');
    await createWorkspace(server.url, owner.token, 'Compilers');
    const invitee = unique('zh-input');
    const language: Language = 'ZH_HANS';
    const invited = await execute(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER', language } }, { token: owner.token });
    expect(invited.inviteWorkspaceMembers.invitations[0]!.language).toBe('ZH_HANS');
    await expectChinese(owner.token, invitee, 'Grace', 'Compilers');
  });
});

describe('SMTP failures: temporary ones are retried, permanent ones are not', () => {
  const cleanup = teardown();
  let smtp: ScriptedSmtpServer;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // What the server answers depends on the recipient's local part.
    smtp = await startScriptedSmtpServer((recipient, attempt) => {
      if (recipient.startsWith('always-451-')) return { code: 451, message: 'try later' };
      if (recipient.startsWith('flaky-451-') && attempt <= 2) return { code: 451, message: 'try later' };
      if (recipient.startsWith('perm-550-')) return { code: 550, message: 'no such user here' };
      return null;
    });
    cleanup.add(() => smtp.stop());
    server = await startTestServer({ env: smtpEnv(smtp, { PLUGBOARD_MAIL_MAX_ATTEMPTS: '3' }) });
    cleanup.add(() => server.stop());
    const owner = await signUpUser(server.url, 'Retry');
    await createWorkspace(server.url, owner.token, 'Retries');
    token = owner.token;
  });
  afterAll(() => cleanup.run());

  async function invite(email: string) {
    await execute(server.url, InviteMembers, { input: { emails: [email], role: 'MEMBER' } }, { token });
  }

  it('gives up after PLUGBOARD_MAIL_MAX_ATTEMPTS temporary 451s: FAILED, attempts 3, code 451', async () => {
    const invitee = unique('always-451');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 3, lastErrorCode: '451', providerMessageId: null, sentAt: null, nextAttemptAt: null });
    expect(delivery.lastError).toContain('try later');
    expect(smtp.attempts.get(invitee)).toBe(3);
    // Final: nothing more arrives (several retry delays later).
    await wait(1500);
    expect(smtp.attempts.get(invitee)).toBe(3);
    expect((await deliveriesTo(server, token, invitee))[0]).toMatchObject({ status: 'FAILED', attempts: 3 });
  });

  it('delivers on a later attempt after temporary failures: SENT, attempts 3, error cleared', async () => {
    const invitee = unique('flaky-451');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 3, lastError: null, lastErrorCode: null });
    expect(delivery.providerMessageId).toMatch(/^SCRIPTQ\d+$/);
    expect(smtp.attempts.get(invitee)).toBe(3);
    const mails = receivedBy(smtp.received, invitee);
    expect(mails).toHaveLength(1);
    // Every attempt carried the same Message-ID.
    expect((await simpleParser(mails[0]!.raw)).messageId).toBe(messageIdFor(`delivery:${delivery.id}`));
  });

  it('fails at once on a permanent 550: FAILED after exactly 1 attempt, no retry', async () => {
    const invitee = unique('perm-550');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1, lastErrorCode: '550', nextAttemptAt: null });
    expect(delivery.lastError).toContain('no such user here');
    await wait(1500);
    expect(smtp.attempts.get(invitee)).toBe(1);
    expect((await deliveriesTo(server, token, invitee))[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
  });
});

describe('SendGrid', () => {
  const cleanup = teardown();
  const API_KEY = 'SG.test-key';
  let stub: SendGridStub;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    stub = await startSendGridStub();
    cleanup.add(() => stub.stop());
    server = await startTestServer({
      env: {
        PLUGBOARD_MAIL: 'sendgrid',
        PLUGBOARD_MAIL_FROM: FROM,
        PLUGBOARD_MAIL_FROM_NAME: 'Plugboard Team',
        SENDGRID_API_KEY: API_KEY,
        SENDGRID_BASE_URL: stub.baseUrl,
        PLUGBOARD_WEB_URL: WEB_URL,
        PLUGBOARD_MAIL_RETRY_DELAY: '200ms',
      },
    });
    cleanup.add(() => server.stop());
    const owner = await signUpUser(server.url, 'Sendy');
    await createWorkspace(server.url, owner.token, 'Grid');
    token = owner.token;
    // Sign-up mails a verification link: let it go out before scripting the stub's answers.
    await until(() => stub.requests.length >= 1, WAIT_MS);
  });
  afterAll(() => cleanup.run());

  /** The requests for mail to `email`. */
  const requestsTo = (email: string) =>
    stub.requests.filter((r) => JSON.stringify((r.body as { personalizations?: unknown }).personalizations ?? []).includes(`"${email}"`));

  async function invite(email: string) {
    await execute(server.url, InviteMembers, { input: { emails: [email], role: 'MEMBER' } }, { token });
  }

  it('POSTs /v3/mail/send with the bearer key and the message as JSON; records x-message-id', async () => {
    const invitee = unique('sg-ok');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 1 });

    const sent = requestsTo(invitee);
    expect(sent).toHaveLength(1);
    const call = sent[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/v3/mail/send');
    expect(call.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(call.headers['content-type']).toMatch(/^application\/json/);
    const body = call.body as {
      personalizations: Array<{ to: Array<{ email: string; name?: string }> }>;
      from: { email: string; name?: string };
      subject: string;
      content: Array<{ type: string; value: string }>;
      custom_args?: Record<string, string>;
    };
    expect(body.personalizations).toHaveLength(1);
    expect(body.personalizations[0]!.to).toEqual([{ email: invitee }]);
    expect(body.from).toEqual({ email: FROM, name: 'Plugboard Team' });
    expect(body.subject).toBe(delivery.subject);
    expect(body.content.map((c) => c.type)).toEqual(['text/plain', 'text/html']);
    for (const part of body.content) expect(part.value).toMatch(INVITE_LINK);
    expect(body.custom_args).toEqual({ idempotency_key: `delivery:${delivery.id}` });
    // The stub answers `x-message-id: sg-<n>`, n counting its requests.
    expect(delivery.providerMessageId).toBe(`sg-${stub.requests.indexOf(call) + 1}`);
  });

  it('retries 429 and 503 and ends SENT on attempt 3', async () => {
    stub.respondWith({ status: 429, body: { errors: [{ message: 'slow down' }] } }, { status: 503 });
    const invitee = unique('sg-retry');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 3, lastError: null, lastErrorCode: null });
    const sent = requestsTo(invitee);
    expect(sent).toHaveLength(3);
    // The same message each time, recognisable by its key.
    for (const call of sent) expect((call.body as { custom_args?: unknown }).custom_args).toEqual({ idempotency_key: `delivery:${delivery.id}` });
    expect(delivery.providerMessageId).toBe(`sg-${stub.requests.indexOf(sent[2]!) + 1}`);
  });

  it('fails at once on 400: FAILED after 1 attempt, code 400, without the key anywhere', async () => {
    stub.respondWith({ status: 400, body: { errors: [{ message: 'bad' }] } });
    const invitee = unique('sg-bad');
    await invite(invitee);
    const delivery = await waitForDelivery(server, token, invitee);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1, lastErrorCode: '400', providerMessageId: null });
    expect(delivery.lastError).toContain('bad');
    expect(delivery.lastError).not.toContain(API_KEY);
    await wait(1000);
    expect(requestsTo(invitee)).toHaveLength(1);
  });

  it('never writes the API key to the logs', () => {
    const logs = server.logs.join('\n');
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain('test-key');
  });
});

describe('sending never blocks the request', () => {
  const cleanup = teardown();
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let server: TestServer;

  beforeAll(async () => {
    silent = await startSilentServer();
    cleanup.add(() => silent.stop());
    // One attempt only: when the test drops the connections, the message is final, and
    // nothing is left in flight when the gateway stops.
    server = await startTestServer({ env: smtpEnv(silent, { PLUGBOARD_MAIL_MAX_ATTEMPTS: '1', PLUGBOARD_SMTP_POOL: 'false' }) });
    cleanup.add(() => server.stop());
  });
  afterAll(() => cleanup.run());

  it('answers inviteWorkspaceMembers while the SMTP server has not even greeted', async () => {
    // Sign-up mails a verification link too: it must not wait for the silent server either.
    const owner = await signUpUser(server.url, 'Patient');
    await createWorkspace(server.url, owner.token, 'Waiting');
    const invitee = unique('patient');

    const started = Date.now();
    const invited = await request(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token: owner.token });
    const elapsed = Date.now() - started;
    expect(invited.body.errors).toBeUndefined();
    // nodemailer waits 15 s for a greeting; the answer comes long before (generous margin).
    expect(elapsed).toBeLessThan(10_000);

    const [right] = await deliveriesTo(server, owner.token, invitee);
    expect(['QUEUED', 'SENDING']).toContain(right!.status);
    // The worker is stuck on the silent server; the API answered anyway.
    const sending = await waitForDelivery(server, owner.token, invitee, (d) => d.status === 'SENDING');
    expect(sending.attempts).toBe(1);
    await until(() => silent.sockets.size >= 1, WAIT_MS);
    expect((await deliveriesTo(server, owner.token, invitee))[0]!.status).toBe('SENDING');

    // Cut the connections: the attempt fails and (one attempt allowed) the record is final.
    for (const socket of silent.sockets) socket.destroy();
    const failed = await waitForDelivery(server, owner.token, invitee);
    expect(failed.status).toBe('FAILED');
    expect(failed.attempts).toBe(1);
  });
});

describe('restart recovery', () => {
  const cleanup = teardown();
  afterEach(() => cleanup.run());

  it('delivers a message left RETRYING by a stopped gateway exactly once after the restart', async () => {
    const database = await createTestDatabase();
    cleanup.add(() => database.dispose());
    const refusing = await startScriptedSmtpServer(() => ({ code: 451, message: 'try later' }));
    cleanup.add(() => refusing.stop());
    const accepting = await startScriptedSmtpServer(() => null);
    cleanup.add(() => accepting.stop());

    // Gateway A: every attempt gets 451, and the next one is an hour away.
    const a = await startTestServer({ database, env: smtpEnv(refusing, { PLUGBOARD_MAIL_RETRY_DELAY: '1h' }) });
    let aRunning = true;
    cleanup.add(async () => {
      if (aRunning) await a.stop({ dispose: false });
    });
    const owner = await signUpUser(a.url, 'Phoenix');
    await createWorkspace(a.url, owner.token, 'Rebirth');
    const invitee = unique('restart');
    await execute(a.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token: owner.token });
    const retrying = await waitForDelivery(a, owner.token, invitee, (d) => d.status === 'RETRYING');
    expect(retrying).toMatchObject({ attempts: 1, lastErrorCode: '451' });
    expect(Date.parse(retrying.nextAttemptAt!)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(refusing.attempts.get(invitee)).toBe(1);
    aRunning = false;
    await a.stop({ dispose: false });

    // Deterministic recovery: while no gateway runs, the hour passes (in the database). The
    // retry job lived in A's in-memory queue and is gone; only B's start-up sweep (which
    // re-queues messages due for over a minute) can bring the message back. Moving the due
    // time of this one row past that grace, rather than racing A's stop against its
    // worker, makes B's first sweep find exactly this message.
    const moved = await sqlOnStoppedDatabase(database, `update mail_deliveries set next_attempt_at = now() - interval '10 minutes' where id = $1 and status = 'RETRYING'`, [retrying.id]);
    expect(moved).toBe(1);

    const b = await startTestServer({ database, env: smtpEnv(accepting) });
    cleanup.add(() => b.stop({ dispose: false }));
    const delivered = await waitForDelivery(b, owner.token, invitee);
    expect(delivered).toMatchObject({ id: retrying.id, status: 'SENT', attempts: 2, lastError: null, lastErrorCode: null });
    expect(delivered.providerMessageId).toMatch(/^SCRIPTQ\d+$/);

    // Exactly once, and with the Message-ID A used.
    await wait(1500);
    const mails = receivedBy(accepting.received, invitee);
    expect(mails).toHaveLength(1);
    expect(accepting.attempts.get(invitee)).toBe(1);
    expect(refusing.attempts.get(invitee)).toBe(1);
    const parsed = await simpleParser(mails[0]!.raw);
    expect(parsed.messageId).toBe(messageIdFor(`delivery:${retrying.id}`));
    expect(parsed.text).toMatch(INVITE_LINK);
    expect((await deliveriesTo(b, owner.token, invitee))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
  });
});

describe('API key notice', () => {
  const cleanup = teardown();
  let smtp: SmtpTestServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    cleanup.add(() => smtp.stop());
    server = await startTestServer({ env: smtpEnv(smtp) });
    cleanup.add(() => server.stop());
  });
  afterAll(() => cleanup.run());

  it('mails api_key_created to the OWNER and ADMIN only, with the prefix and never the secret', async () => {
    const { workspace, members } = await workspaceWithRoles(server.url, 'Keys');
    const created = await createApiKey(server.url, members.ADMIN.token, { name: 'CI deploys' });
    const { secret, apiKey } = created;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const notified = [members.OWNER.user.email, members.ADMIN.user.email].map((e) => e.toLowerCase()).sort();
    let deliveries: Delivery[] = [];
    await until(async () => {
      const data = await execute(server.url, MailDeliveries, { filter: { template: 'API_KEY_CREATED' }, first: 50 }, { token: members.OWNER.token });
      deliveries = data.mailDeliveries.edges.map((e) => e.node);
      return deliveries.length === 2 && deliveries.every((d) => d.status === 'SENT');
    }, WAIT_MS);
    expect(deliveries.map((d) => d.recipient).sort()).toEqual(notified);

    for (const recipient of notified) {
      const mails = receivedBy(smtp.received, recipient).filter((m) => headerBlock(m.raw).includes('API key') || /API key/.test(m.raw.toString('utf8')));
      expect(mails).toHaveLength(1);
      const parsed = await simpleParser(mails[0]!.raw);
      expect(parsed.subject).toBe(`New API key created in ${workspace.name}`);
      expect(parsed.text).toContain(apiKey.prefix);
      expect(parsed.html).toContain(apiKey.prefix);
      expect(parsed.text).toContain('CI deploys');
      expect(mails[0]!.raw.toString('latin1')).not.toContain(secret);
      expect(parsed.text).not.toContain(secret);
      expect(parsed.html).not.toContain(secret);
      // Not even the secret's part after the prefix.
      expect(mails[0]!.raw.toString('latin1')).not.toContain(secret.slice(apiKey.prefix.length, apiKey.prefix.length + 16));
    }
    for (const role of ['EDITOR', 'MEMBER'] as const) {
      const email = members[role].user.email;
      expect(receivedBy(smtp.received, email).filter((m) => (m.raw.toString('utf8').includes('API key')))).toHaveLength(0);
    }
    expect(server.logs.join('\n')).not.toContain(secret);
  });
});

describe('send limits', () => {
  const cleanup = teardown();
  let smtp: SmtpTestServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    cleanup.add(() => smtp.stop());
    server = await startTestServer({
      env: smtpEnv(smtp, { PLUGBOARD_MAIL_WORKSPACE_HOURLY_LIMIT: '3', PLUGBOARD_MAIL_RECIPIENT_HOURLY_LIMIT: '2' }),
    });
    cleanup.add(() => server.stop());
  });
  afterAll(() => cleanup.run());

  async function counts(token: string) {
    const invitations = await execute(server.url, Invitations, {}, { token });
    const deliveries = await execute(server.url, MailDeliveries, { first: 50 }, { token });
    return { invitations: invitations.invitations.totalCount, deliveries: deliveries.mailDeliveries.totalCount };
  }

  it('refuses 4 invitations over a workspace limit of 3 as a whole: RATE_LIMITED, nothing recorded', async () => {
    const owner = await signUpUser(server.url, 'Limited');
    await createWorkspace(server.url, owner.token, 'Small');
    const emails = [1, 2, 3, 4].map((n) => unique(`limit-${n}`));

    const refused = await request(server.url, InviteMembers, { input: { emails, role: 'MEMBER' } }, { token: owner.token });
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    const extensions = refused.body.errors![0]!.extensions!;
    expect(extensions.code).toBe('RATE_LIMITED');
    expect(extensions.retryAfter).toEqual(expect.any(Number));
    expect(extensions.retryAfter as number).toBeGreaterThan(0);
    expect(extensions.retryAfter as number).toBeLessThanOrEqual(3600);
    expect(await counts(owner.token)).toEqual({ invitations: 0, deliveries: 0 });

    // Three fit.
    const accepted = await execute(server.url, InviteMembers, { input: { emails: emails.slice(0, 3), role: 'MEMBER' } }, { token: owner.token });
    expect(accepted.inviteWorkspaceMembers.invitations).toHaveLength(3);
    expect(await counts(owner.token)).toEqual({ invitations: 3, deliveries: 3 });
    await until(() => emails.slice(0, 3).every((email) => receivedBy(smtp.received, email).length === 1), WAIT_MS);
    expect(receivedBy(smtp.received, emails[3]!)).toHaveLength(0);

    // The limit is spent, yet the owner still hears of a new API key: notices are not crowded out.
    const refusedAgain = await request(server.url, InviteMembers, { input: { emails: [emails[3]!], role: 'MEMBER' } }, { token: owner.token });
    expect(refusedAgain.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await createApiKey(server.url, owner.token, { name: 'after the limit' });
    await until(async () => {
      const notices = await execute(server.url, MailDeliveries, { filter: { template: 'API_KEY_CREATED' } }, { token: owner.token });
      return notices.mailDeliveries.edges.some((edge) => edge.node.status === 'SENT');
    }, WAIT_MS);
  });

  it('refuses the third invitation to one address within the hour (recipient limit 2), across workspaces', async () => {
    const invitee = unique('popular');
    const tokens: string[] = [];
    for (const n of [1, 2, 3]) {
      const owner = await signUpUser(server.url, `Inviter${n}`);
      await createWorkspace(server.url, owner.token, `Team ${n}`);
      tokens.push(owner.token);
    }
    for (const token of tokens.slice(0, 2)) {
      await execute(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token });
    }
    const refused = await request(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token: tokens[2] });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(refused.body.errors![0]!.extensions!.retryAfter as number).toBeGreaterThan(0);
    expect(await counts(tokens[2]!)).toEqual({ invitations: 0, deliveries: 0 });

    // Re-inviting from a workspace that already invited counts against the same limit.
    const again = await request(server.url, InviteMembers, { input: { emails: [invitee], role: 'MEMBER' } }, { token: tokens[0] });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    await until(() => receivedBy(smtp.received, invitee).length === 2, WAIT_MS);
    await wait(500);
    expect(receivedBy(smtp.received, invitee)).toHaveLength(2);
  });
});
