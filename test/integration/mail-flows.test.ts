/**
 * Account flows that send mail, through a real server over HTTP with the default outbox
 * driver: every message is read back from its `.eml` file with mailparser, and the link's
 * token is used the way a browser would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, request } from '../support/client.js';
import { createWorkspace, PASSWORD, signUpUser, switchWorkspace, workspaceWithRoles } from '../support/factories.js';
import {
  AcceptInvitation,
  inviteMember,
  InviteMembers,
  Invitations,
  MailDeliveries,
  PasswordSignIn,
  readOutbox,
  RequestEmailVerification,
  RequestPasswordReset,
  RequestSignInLink,
  ResetPassword,
  RevokeInvitation,
  SignInWithLink,
  UpdateProfile,
  VerifyEmail,
  ViewerEmail,
  waitForMail,
} from '../support/mail-factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { wait } from '../support/timing.js';

const WEB_URL = 'https://app.plugboard.test';
const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;

let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  server = await startTestServer({ env: { PLUGBOARD_WEB_URL: WEB_URL } });
  dataDir = server.database.dataDir;
});
afterAll(async () => {
  await server?.stop();
});

/** Moves a row's expiry into the past, as time passing would. */
async function expire(table: 'invitations' | 'account_tokens', where: string, value: string) {
  await server.plugboard.deps.orm.em.fork().getConnection().execute(`update ${table} set expires_at = now() - interval '1 minute' where ${where} = ?`, [value]);
}

describe('outbox (the default driver)', () => {
  it('writes a verification mail at sign-up that parses back, with HTML and text parts and a working link', async () => {
    const { user, token } = await signUpUser(server.url, 'Verifier');
    const mail = await waitForMail(dataDir, user.email, /verify|confirm/i);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: 'no-reply@plugboard.localhost', name: 'Plugboard' });
    expect(mail.parsed.html).toContain(`${WEB_URL}/verify-email#token=`);
    expect(mail.parsed.text).toContain(`${WEB_URL}/verify-email#token=`);
    expect(mail.token).toMatch(/^pbt_/);

    expect((await execute(server.url, ViewerEmail, {}, { token })).viewer?.user?.emailVerified).toBe(false);
    // The link alone is not enough: the account's own session must use it.
    const anonymous = await request(server.url, VerifyEmail, { token: mail.token! });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const someoneElse = await signUpUser(server.url, 'Other');
    const wrongAccount = await request(server.url, VerifyEmail, { token: mail.token! }, { token: someoneElse.token });
    expect(wrongAccount.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(server.url, VerifyEmail, { token: mail.token! }, { token })).verifyEmail.email).toBe(user.email);
    expect((await execute(server.url, ViewerEmail, {}, { token })).viewer?.user?.emailVerified).toBe(true);

    const again = await request(server.url, VerifyEmail, { token: mail.token! }, { token });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    // Verified: asking again sends nothing more.
    await execute(server.url, RequestEmailVerification, {}, { token });
    await wait(300);
    expect((await readOutbox(dataDir)).filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('never writes a one-time token to the log', async () => {
    const { user } = await signUpUser(server.url, 'Quiet');
    const mail = await waitForMail(dataDir, user.email, /verify|confirm/i);
    expect(server.logs.join('\n')).not.toContain(mail.token!);
    expect(server.logs.some((line) => line.includes('"mail sent"'))).toBe(true);
  });
});

describe('invitations', () => {
  it('creates the account on acceptance, signs it in, and refuses the link a second time', async () => {
    const owner = await signUpUser(server.url, 'Inviter');
    const workspace = await createWorkspace(server.url, owner.token, 'Invited Team');
    const email = unique('newcomer');
    const invitation = await inviteMember(server.url, owner.token, email, 'EDITOR');
    expect(invitation).toMatchObject({ email, role: 'EDITOR', status: 'PENDING', invitedBy: { id: owner.user.id }, workspace: { id: workspace.id } });

    const mail = await waitForMail(dataDir, email, /Invited Team/);
    expect(mail.parsed.subject).toBe('Inviter invited you to join Invited Team on Plugboard');
    expect(mail.parsed.text).toContain(`${WEB_URL}/invite#token=pbi_`);

    const accepted = await execute(server.url, AcceptInvitation, { input: { token: mail.token!, name: 'New Person', password: PASSWORD } });
    expect(accepted.acceptInvitation).toMatchObject({ workspaceId: workspace.id, role: 'EDITOR', email, auth: { user: { email, emailVerified: true } } });
    const viewer = await execute(server.url, ViewerEmail, {}, { token: accepted.acceptInvitation.auth!.token });
    expect(viewer.viewer?.currentWorkspace?.id).toBe(workspace.id);

    const second = await request(server.url, AcceptInvitation, { input: { token: mail.token!, name: 'Someone', password: PASSWORD } });
    expect(second.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    const list = await execute(server.url, Invitations, { status: 'ACCEPTED' }, { token: owner.token });
    expect(list.invitations.edges.map((e) => e.node.email)).toEqual([email]);
  });

  it('links an existing account only when signed in as the invited address', async () => {
    const owner = await signUpUser(server.url, 'Linker');
    const workspace = await createWorkspace(server.url, owner.token, 'Linked Team');
    const invitee = await signUpUser(server.url, 'Existing');
    const stranger = await signUpUser(server.url, 'Stranger');

    await inviteMember(server.url, owner.token, invitee.user.email);
    const mail = await waitForMail(dataDir, invitee.user.email, /Linked Team/);
    const wrongUser = await request(server.url, AcceptInvitation, { input: { token: mail.token! } }, { token: stranger.token });
    expect(wrongUser.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const accepted = await execute(server.url, AcceptInvitation, { input: { token: mail.token! } }, { token: invitee.token });
    expect(accepted.acceptInvitation).toMatchObject({ workspaceId: workspace.id, role: 'MEMBER', auth: null });
    expect((await execute(server.url, ViewerEmail, {}, { token: invitee.token })).viewer?.user?.emailVerified).toBe(true);

    // Anonymous acceptance for an address that has an account is refused (whoever registered
    // the address first must not get the workspace): its owner signs in, then accepts.
    const other = await createWorkspace(server.url, owner.token, 'Second Team');
    await switchWorkspace(server.url, owner.token, other.id);
    await inviteMember(server.url, owner.token, invitee.user.email);
    const secondMail = await waitForMail(dataDir, invitee.user.email, /Second Team/);
    const anonymous = await request(server.url, AcceptInvitation, { input: { token: secondMail.token!, name: 'Squatter', password: PASSWORD } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const linked = await execute(server.url, AcceptInvitation, { input: { token: secondMail.token! } }, { token: invitee.token });
    expect(linked.acceptInvitation).toMatchObject({ workspaceId: other.id, auth: null });
  });

  it('refuses expired and revoked links, and a re-invitation replaces the earlier link', async () => {
    const owner = await signUpUser(server.url, 'Expirer');
    await createWorkspace(server.url, owner.token, 'Expiry Team');
    const email = unique('late');
    const first = await inviteMember(server.url, owner.token, email);
    const firstMail = await waitForMail(dataDir, email, /Expiry Team/);
    await expire('invitations', 'id', first.id);
    const expired = await request(server.url, AcceptInvitation, { input: { token: firstMail.token!, name: 'Late', password: PASSWORD } });
    expect(expired.body.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');

    const second = await inviteMember(server.url, owner.token, email);
    await waitForMail(dataDir, email, /Expiry Team/, 2);
    const third = await inviteMember(server.url, owner.token, email);
    const thirdMail = await waitForMail(dataDir, email, /Expiry Team/, 3);
    const replaced = (await readOutbox(dataDir)).filter((m) => m.to === email && m.token !== thirdMail.token && m.token !== firstMail.token)[0]!;
    const old = await request(server.url, AcceptInvitation, { input: { token: replaced.token!, name: 'Late', password: PASSWORD } });
    expect(old.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');

    const revoked = await execute(server.url, RevokeInvitation, { id: third.id }, { token: owner.token });
    expect(revoked.revokeInvitation.invitation.status).toBe('REVOKED');
    const afterRevoke = await request(server.url, AcceptInvitation, { input: { token: thirdMail.token!, name: 'Late', password: PASSWORD } });
    expect(afterRevoke.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    const statuses = await execute(server.url, Invitations, {}, { token: owner.token });
    expect(Object.fromEntries(statuses.invitations.edges.map((e) => [e.node.id, e.node.status]))).toEqual({ [first.id]: 'REVOKED', [second.id]: 'REVOKED', [third.id]: 'REVOKED' });
  });

  it('asks a new invitee for a name and password, and keeps roles in check', async () => {
    const team = await workspaceWithRoles(server.url, 'Roles');
    const email = unique('owner-to-be');
    const byAdmin = await request(server.url, InviteMembers, { input: { emails: [email], role: 'OWNER' } }, { token: team.members.ADMIN.token });
    expect(byAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await inviteMember(server.url, team.members.OWNER.token, email, 'OWNER');
    const mail = await waitForMail(dataDir, email, /Roles/);
    const noPassword = await request(server.url, AcceptInvitation, { input: { token: mail.token!, name: 'No Password' } });
    expect(noPassword.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const short = await request(server.url, AcceptInvitation, { input: { token: mail.token!, name: 'Short', password: 'short' } });
    expect(short.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    // The link survived the refused attempts.
    const accepted = await execute(server.url, AcceptInvitation, { input: { token: mail.token!, name: 'New Owner', password: PASSWORD } });
    expect(accepted.acceptInvitation.role).toBe('OWNER');

    const member = await request(server.url, InviteMembers, { input: { emails: [unique('x')], role: 'MEMBER' } }, { token: team.members.EDITOR.token });
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const existing = await request(server.url, InviteMembers, { input: { emails: [team.members.MEMBER.user.email], role: 'MEMBER' } }, { token: team.members.OWNER.token });
    expect(existing.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'emails[0]' });
  });

  it('writes the invitation in the chosen language', async () => {
    const owner = await signUpUser(server.url, 'Zhang');
    await createWorkspace(server.url, owner.token, '研发团队');
    await execute(server.url, UpdateProfile, { input: { language: 'ZH_HANS' } }, { token: owner.token });
    const email = unique('zh');
    const invitation = await inviteMember(server.url, owner.token, email);
    expect(invitation.language).toBe('ZH_HANS');
    const mail = await waitForMail(dataDir, email, /研发团队/);
    expect(mail.parsed.subject).toBe('Zhang 邀请你加入 Plugboard 工作空间“研发团队”');
    expect(mail.parsed.text).toContain('接受邀请');
    const english = await request(server.url, InviteMembers, { input: { emails: [unique('en')], role: 'MEMBER', language: 'EN' } }, { token: owner.token });
    expect(english.body.data?.inviteWorkspaceMembers.invitations[0]?.language).toBe('EN');
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets the password and signs the account out everywhere', async () => {
    const { user, token: session } = await signUpUser(server.url, 'Forgetful');
    const second = await execute(server.url, PasswordSignIn, { input: { email: user.email, password: PASSWORD } });
    expect((await execute(server.url, RequestPasswordReset, { email: user.email.toUpperCase() })).requestPasswordReset.accepted).toBe(true);
    const mail = await waitForMail(dataDir, user.email, /password/i);
    expect(mail.parsed.text).toContain(`${WEB_URL}/reset-password#token=pbt_`);

    const weak = await request(server.url, ResetPassword, { token: mail.token!, password: 'short' });
    expect(weak.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const reset = await execute(server.url, ResetPassword, { token: mail.token!, password: 'a brand new passphrase' });
    expect(reset.resetPassword.revokedSessions).toBe(2);

    for (const old of [session, second.signIn.token]) {
      const { body } = await request(server.url, ViewerEmail, {}, { token: old });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const oldPassword = await request(server.url, PasswordSignIn, { input: { email: user.email, password: PASSWORD } });
    expect(oldPassword.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await execute(server.url, PasswordSignIn, { input: { email: user.email, password: 'a brand new passphrase' } });

    const reuse = await request(server.url, ResetPassword, { token: mail.token!, password: 'yet another passphrase' });
    expect(reuse.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = await signUpUser(server.url, 'Known');
    const unknown = unique('nobody');
    const answers = await Promise.all([
      request(server.url, RequestPasswordReset, { email: known.user.email }),
      request(server.url, RequestPasswordReset, { email: unknown }),
    ]);
    expect(answers[0].status).toBe(answers[1].status);
    expect(answers[0].body).toEqual(answers[1].body);
    await waitForMail(dataDir, known.user.email, /password/i);
    await wait(300);
    expect((await readOutbox(dataDir)).some((m) => m.to === unknown)).toBe(false);
  });

  it('sends one reset link per account in ten minutes, so strangers cannot spend the address’s mail limit', async () => {
    const { user } = await signUpUser(server.url, 'Popular');
    await execute(server.url, RequestPasswordReset, { email: user.email });
    await waitForMail(dataDir, user.email, /password/i);
    for (let i = 0; i < 3; i++) expect((await execute(server.url, RequestPasswordReset, { email: user.email })).requestPasswordReset.accepted).toBe(true);
    await wait(500);
    expect((await readOutbox(dataDir)).filter((m) => m.to === user.email && /password/i.test(m.parsed.subject ?? ''))).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const { user } = await signUpUser(server.url, 'Slow');
    await execute(server.url, RequestPasswordReset, { email: user.email });
    const mail = await waitForMail(dataDir, user.email, /password/i);
    await expire('account_tokens', 'user_id', user.id);
    const late = await request(server.url, ResetPassword, { token: mail.token!, password: 'a brand new passphrase' });
    expect(late.body.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
  });

  it('writes the reset mail in the user’s language', async () => {
    const { user, token } = await signUpUser(server.url, 'Li');
    await execute(server.url, UpdateProfile, { input: { language: 'ZH_HANS' } }, { token });
    await execute(server.url, RequestPasswordReset, { email: user.email });
    const mail = await waitForMail(dataDir, user.email, /密码/);
    expect(mail.parsed.text).toContain('重置密码');
  });
});

describe('sign-in links', () => {
  it('are refused unless the server enables them', async () => {
    const { body } = await request(server.url, RequestSignInLink, { email: unique('someone') });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('sign in once with a mailed link when enabled', async () => {
    const enabled = await startTestServer({ env: { PLUGBOARD_SIGN_IN_LINKS: 'true' } });
    try {
      const { user, token: earlier } = await signUpUser(enabled.url, 'Passwordless');
      await execute(enabled.url, RequestSignInLink, { email: user.email });
      const mail = await waitForMail(enabled.database.dataDir, user.email, /sign in|sign-in|log in/i);
      const signedIn = await execute(enabled.url, SignInWithLink, { token: mail.token! });
      expect(signedIn.signInWithLink.user).toMatchObject({ id: user.id, emailVerified: true });
      // The account was unverified: the mailbox's owner takes it over, and the password and
      // sessions of whoever registered the address lapse.
      expect((await request(enabled.url, ViewerEmail, {}, { token: earlier })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const byPassword = await request(enabled.url, PasswordSignIn, { input: { email: user.email, password: PASSWORD } });
      expect(byPassword.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const again = await request(enabled.url, SignInWithLink, { token: mail.token! });
      expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    } finally {
      await enabled.stop();
    }
  });
});

describe('bad input', () => {
  it('refuses malformed addresses, header injection and oversized recipient lists with coded errors, sending nothing', async () => {
    const owner = await signUpUser(server.url, 'Strict');
    await createWorkspace(server.url, owner.token, 'Strict Team');
    await waitForMail(dataDir, owner.user.email, /verify|confirm/i);
    const before = (await readOutbox(dataDir)).length;
    const cases: Array<[string[], string]> = [
      [['not-an-address'], 'emails[0]'],
      [[unique('ok'), 'victim@example.com\r\nBcc: everyone@example.com'], 'emails[1]'],
      [['victim@example.com\nSubject: hi'], 'emails[0]'],
      [[`${'a'.repeat(400)}@example.com`], 'emails[0]'],
      [Array.from({ length: 10_000 }, (_, i) => `spam${i}@example.com`), 'emails'],
      [[], 'emails'],
    ];
    for (const [emails, field] of cases) {
      const { body } = await request(server.url, InviteMembers, { input: { emails, role: 'MEMBER' } }, { token: owner.token });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const { body: duplicate } = await request(server.url, InviteMembers, { input: { emails: ['dup@example.com', 'DUP@example.com'], role: 'MEMBER' } }, { token: owner.token });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emails[1]' });
    const { body: reset } = await request(server.url, RequestPasswordReset, { email: 'x@example.com\r\nBcc: y@example.com' });
    expect(reset.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A name becomes the inviter in a subject line: one line only.
    const { body: name } = await request(server.url, UpdateProfile, { input: { name: 'Eve\r\nBcc: all@example.com' } }, { token: owner.token });
    expect(name.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    await wait(300);
    expect((await readOutbox(dataDir)).length).toBe(before);
    expect((await execute(server.url, Invitations, {}, { token: owner.token })).invitations.totalCount).toBe(0);
  });

  it('refuses unknown, forged or oversized tokens with coded errors', async () => {
    const session = (await signUpUser(server.url, 'Forger')).token;
    for (const token of ['pbt_unknown', '', 'x'.repeat(10_000), 'pbt_\u0000']) {
      const { body } = await request(server.url, VerifyEmail, { token }, { token: session });
      expect(['INVALID_TOKEN', 'BAD_USER_INPUT']).toContain(body.errors?.[0]?.extensions?.code);
      const accept = await request(server.url, AcceptInvitation, { input: { token } });
      expect(['INVALID_TOKEN', 'BAD_USER_INPUT']).toContain(accept.body.errors?.[0]?.extensions?.code);
    }
  });
});

describe('delivery records', () => {
  it('shows admins their workspace’s mail, filtered, and nobody else’s', async () => {
    const team = await workspaceWithRoles(server.url, 'Records');
    const email = unique('recorded');
    await inviteMember(server.url, team.members.OWNER.token, email);
    await waitForMail(dataDir, email, /Records/);
    const sent = await execute(server.url, MailDeliveries, { filter: { recipient: email.toUpperCase(), status: 'SENT' } }, { token: team.members.ADMIN.token });
    expect(sent.mailDeliveries.edges).toHaveLength(1);
    expect(sent.mailDeliveries.edges[0]!.node).toMatchObject({ template: 'MEMBER_INVITATION', recipient: email, status: 'SENT', attempts: 1, lastError: null, language: 'EN' });
    expect(sent.mailDeliveries.edges[0]!.node.providerMessageId).toMatch(/^<delivery-/);
    // Account mail (each member's verification at sign-up) belongs to no workspace.
    const all = await execute(server.url, MailDeliveries, {}, { token: team.members.OWNER.token });
    expect(all.mailDeliveries.edges.map((e) => e.node.template)).not.toContain('EMAIL_VERIFICATION');

    const editor = await request(server.url, MailDeliveries, {}, { token: team.members.EDITOR.token });
    expect(editor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await workspaceWithRoles(server.url, 'Elsewhere');
    const foreign = await execute(server.url, MailDeliveries, { filter: { recipient: email } }, { token: other.members.OWNER.token });
    expect(foreign.mailDeliveries.totalCount).toBe(0);
  });
});
