/**
 * Real mail endpoints for tests, in-process on 127.0.0.1 and a port the OS picks: an
 * SMTP server (smtp-server) that records what it receives and can demand AUTH, offer or
 * hide STARTTLS, speak implicit TLS, or refuse with a chosen reply code; and a stand-in
 * for SendGrid's HTTP API (node:http) that records requests and answers as told.
 * TLS uses smtp-server's built-in self-signed test certificate (clients set
 * `tlsRejectUnauthorized: false`). Each `stop()` closes the server and its connections.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The message exactly as received (after the DATA dot-unstuffing). */
  raw: Buffer;
  envelope: { from: string; to: string[] };
  /** The session was TLS (implicit or after STARTTLS). */
  secure: boolean;
  /** The authenticated user, when AUTH happened. */
  user?: string;
}

export interface SmtpReply {
  code: number;
  message: string;
}

export interface SmtpTestServerOptions {
  /** Implicit TLS from the first byte (like port 465). */
  secure?: boolean;
  /** Offer STARTTLS (default true). */
  starttls?: boolean;
  /** Require AUTH with these credentials (PLAIN/LOGIN; only after TLS). */
  auth?: { user: string; password: string };
  /** Refuse every RCPT TO with this reply. */
  rejectRecipient?: SmtpReply;
  /** Refuse every message at end of DATA with this reply. */
  rejectData?: SmtpReply;
  /** The 250 reply text after DATA; default `OK: queued as <ID>` with a counter. */
  queuedReply?: (count: number) => string;
}

export interface SmtpTestServer {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** Failed AUTH attempts (user names only). */
  failedLogins: string[];
  stop(): Promise<void>;
}

function smtpError(reply: SmtpReply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

export async function startSmtpServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const failedLogins: string[] = [];
  const disabled: string[] = [];
  if (!options.auth) disabled.push('AUTH');
  if (options.starttls === false) disabled.push('STARTTLS');

  const server = new SMTPServer({
    secure: options.secure ?? false,
    disabledCommands: disabled,
    authOptional: !options.auth,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) {
        callback(null, { user: auth.username });
        return;
      }
      failedLogins.push(auth.username ?? '');
      callback(smtpError({ code: 535, message: 'Authentication credentials invalid' }));
    },
    onRcptTo(_address, _session, callback) {
      callback(options.rejectRecipient ? smtpError(options.rejectRecipient) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.rejectData) {
          callback(smtpError(options.rejectData));
          return;
        }
        const mail: ReceivedMail = {
          raw: Buffer.concat(chunks),
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          secure: session.secure,
        };
        if (typeof session.user === 'string') mail.user = session.user;
        received.push(mail);
        callback(null, options.queuedReply ? options.queuedReply(received.length) : `OK: queued as TESTQ${received.length}`);
      });
    },
  });
  server.on('error', () => {
    // A client dropping mid-session (a refused TLS handshake, say) is part of some tests.
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    received,
    failedLogins,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (or the raw text when it is not JSON). */
  body: unknown;
}

export interface StubResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SendGridStub {
  /** Base URL to give the mailer (`http://127.0.0.1:PORT/`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers the next request(s) with these, in order; afterwards 202 with `x-message-id: sg-<n>`. */
  respondWith(...responses: StubResponse[]): void;
  stop(): Promise<void>;
}

export async function startSendGridStub(): Promise<SendGridStub> {
  const requests: RecordedRequest[] = [];
  const queue: StubResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const next = queue.shift() ?? { status: 202, headers: { 'x-message-id': `sg-${requests.length}` } };
      const payload = next.body === undefined ? '' : JSON.stringify(next.body);
      res.writeHead(next.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...next.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    respondWith: (...responses) => queue.push(...responses),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
