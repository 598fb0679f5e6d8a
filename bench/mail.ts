/**
 * 6. Mail (bench/mail.ts): sending never blocks a request. A local SMTP relay (smtp-server)
 *    that takes 200 ms per message stands in for a slow provider. Same run, same relay:
 *    - baseline: sending one invitation directly with the SMTP adapter, one after another
 *      (what a request would wait for if it sent inline);
 *    - Plugboard: `inviteWorkspaceMembers` for one address, one after another: the answer
 *      comes once the message is recorded and queued;
 *    - then delivery: 100 invitations recorded at once, and the time until the background
 *      worker has sent them all (4 at a time), as messages per second vs the direct loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { renderTemplate, SmtpMailer } from '../src/platform/mail/index.js';
import { gql, percentile } from './helpers.js';

const RELAY_DELAY_MS = 200;
const SEQUENTIAL = 30;
const BATCH = 100;


async function startSlowRelay() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => setTimeout(() => (received++, callback()), RELAY_DELAY_MS));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { port, received: () => received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}


export async function benchMail(): Promise<void> {
  const relay = await startSlowRelay();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-bench-mail-'));
  const env = {
    PORT: '0',
    PLUGBOARD_DATA_DIR: dataDir,
    PLUGBOARD_RATE_LIMIT_SCALE: '1000000',
    PLUGBOARD_MAIL: 'smtp',
    PLUGBOARD_MAIL_FROM: 'bench@plugboard.example',
    PLUGBOARD_SMTP_HOST: '127.0.0.1',
    PLUGBOARD_SMTP_PORT: String(relay.port),
    PLUGBOARD_MAIL_RECIPIENT_HOURLY_LIMIT: '100000',
    PLUGBOARD_MAIL_WORKSPACE_HOURLY_LIMIT: '100000',
  };
  const config = { ...loadConfig(env), logLevel: 'silent' as const };
  const plugboard = await createApp(config, { log: createLogger('silent') });
  const url = `${await plugboard.listen()}/graphql`;
  const direct = new SmtpMailer({ driver: 'smtp', host: '127.0.0.1', port: relay.port, secure: false, pool: true }, createLogger('silent'));
  try {
    const token = (await gql(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: `bench-mail-${Date.now()}@example.test`, name: 'Bench', password: 'bench password 1' } })).signUp.token;
    await gql(url, 'mutation { createWorkspace(input: { name: "Mail bench" }) { workspace { id } } }', {}, token);

    const rendered = renderTemplate('member_invitation', 'en', { inviter: 'Bench', workspace: 'Mail bench', acceptUrl: 'https://app.example/invite#token=x', expiresAt: new Date() }, { productName: 'Plugboard', senderName: 'Plugboard' });
    const directTimes: number[] = [];
    const directStart = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      await direct.send({ from: { email: 'bench@plugboard.example' }, to: [{ email: `direct-${i}@example.com` }], ...rendered, idempotencyKey: `direct-${i}-${Date.now()}` });
      directTimes.push(performance.now() - t);
    }
    const directRate = SEQUENTIAL / ((performance.now() - directStart) / 1000);

    const invite = 'mutation($emails: [String!]!) { inviteWorkspaceMembers(input: { emails: $emails, role: MEMBER }) { invitations { id } } }';
    const inviteTimes: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      await gql(url, invite, { emails: [`one-${i}@example.com`] }, token);
      inviteTimes.push(performance.now() - t);
    }
    // Let the sequential ones drain before timing the batch.
    while (relay.received() < SEQUENTIAL * 2) await new Promise((r) => setTimeout(r, 50));

    const before = relay.received();
    const batchStart = performance.now();
    for (let i = 0; i < BATCH / 50; i++) {
      await gql(url, invite, { emails: Array.from({ length: 50 }, (_, j) => `batch-${i}-${j}@example.com`) }, token);
    }
    while (relay.received() < before + BATCH) await new Promise((r) => setTimeout(r, 20));
    const workerRate = BATCH / ((performance.now() - batchStart) / 1000);

    console.log(`\n6. mail: a relay taking ${RELAY_DELAY_MS} ms per message`);
    console.table([
      { path: 'direct SMTP send (inline, 1 at a time)', 'p50 ms': Math.round(percentile(directTimes, 50)), 'p99 ms': Math.round(percentile(directTimes, 99)), 'messages/s': directRate.toFixed(1) },
      { path: 'inviteWorkspaceMembers (queued)', 'p50 ms': Math.round(percentile(inviteTimes, 50)), 'p99 ms': Math.round(percentile(inviteTimes, 99)), 'messages/s': '' },
      { path: `background worker, ${BATCH} queued`, 'p50 ms': '', 'p99 ms': '', 'messages/s': workerRate.toFixed(1) },
    ]);
    console.log(
      `ratio: mutation p50 / direct send p50 ${(percentile(inviteTimes, 50) / percentile(directTimes, 50)).toFixed(2)}; worker / direct throughput ${(workerRate / directRate).toFixed(2)}`,
    );
  } finally {
    await direct.close();
    await plugboard.stop();
    await relay.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
