/**
 * The durable queue through two gateways sharing one PostgreSQL server
 * (`PLUGBOARD_QUEUE=postgres`, pg-boss): mail recorded on either process is delivered
 * exactly once, by whichever process takes the job. Runs where the suite runs against a
 * server (`DATABASE_URL`, as `.ci/run` does); an embedded database serves one process and
 * config refuses the combination (see config.test.ts). The queue itself, on both
 * drivers, is covered in test/platform/queue.test.ts.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { InviteMembers, MailDeliveries } from '../support/mail-factories.js';
import { startSmtpServer, type SmtpTestServer } from '../support/mail-servers.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { until, wait } from '../support/timing.js';

const serverDatabase = Boolean(process.env.DATABASE_URL);

describe.runIf(serverDatabase)('mail through the durable queue, two gateways', () => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  const gateways: TestServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer({ starttls: false });
    const env = {
      DATABASE_URL: database.url!,
      PLUGBOARD_QUEUE: 'postgres',
      PLUGBOARD_MAIL: 'smtp',
      PLUGBOARD_MAIL_FROM: 'no-reply@plugboard.example',
      PLUGBOARD_SMTP_HOST: smtp.host,
      PLUGBOARD_SMTP_PORT: String(smtp.port),
    };
    // Both on the same database: one process's jobs may run on the other.
    gateways.push(await startTestServer({ database, env }), await startTestServer({ database, env }));
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop({ dispose: false });
    await smtp?.stop();
    await database?.dispose();
  });

  it('delivers every message recorded on either process exactly once', async () => {
    const [a, b] = gateways as [TestServer, TestServer];
    const owner = await signUpUser(a.url, 'Durable');
    await createWorkspace(a.url, owner.token, 'Durable Team');
    const emails = Array.from({ length: 12 }, (_, i) => `durable-${i}-${Math.random().toString(36).slice(2, 8)}@example.com`);
    await execute(a.url, InviteMembers, { input: { emails: emails.slice(0, 6), role: 'MEMBER' } }, { token: owner.token });
    await execute(b.url, InviteMembers, { input: { emails: emails.slice(6), role: 'MEMBER' } }, { token: owner.token });

    const recipients = async () =>
      Promise.all(smtp.received.map(async (mail) => (await simpleParser(mail.raw)).to)).then((to) =>
        to.flatMap((field) => (Array.isArray(field) ? field : field ? [field] : [])).flatMap((field) => field.value.map((v) => v.address)),
      );
    await until(async () => emails.every((email) => smtp.received.some((mail) => mail.envelope.to.includes(email))), 30_000);
    await wait(2000); // a duplicate would arrive within a polling interval or two
    const delivered = await recipients();
    for (const email of emails) expect(delivered.filter((address) => address === email), email).toHaveLength(1);

    const records = await execute(b.url, MailDeliveries, { filter: { template: 'MEMBER_INVITATION' }, first: 50 }, { token: owner.token });
    expect(records.mailDeliveries.edges.map((edge) => [edge.node.status, edge.node.attempts])).toEqual(emails.map(() => ['SENT', 1]));
  });
});
