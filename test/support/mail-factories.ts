import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { graphql } from '../__generated__/index.js';
import type { Role } from '../__generated__/graphql.js';
import { execute } from './client.js';
import { until } from './timing.js';

export const InviteMembers = graphql(`
  mutation InviteMembers($input: InviteWorkspaceMembersInput!) {
    inviteWorkspaceMembers(input: $input) {
      invitations {
        id
        email
        role
        status
        language
        expiresAt
        invitedBy {
          id
        }
        workspace {
          id
        }
      }
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      workspaceId
      role
      email
      auth {
        token
        user {
          id
          email
          emailVerified
        }
      }
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(input: { id: $id }) {
      invitation {
        id
        status
      }
    }
  }
`);

export const Invitations = graphql(`
  query Invitations($status: InvitationStatus) {
    invitations(first: 50, status: $status) {
      totalCount
      edges {
        node {
          id
          email
          status
        }
      }
    }
  }
`);

export const MailDeliveries = graphql(`
  query MailDeliveries($filter: MailDeliveryFilter, $first: Int) {
    mailDeliveries(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          template
          recipient
          subject
          language
          status
          attempts
          providerMessageId
          lastError
          lastErrorCode
          nextAttemptAt
          sentAt
        }
      }
    }
  }
`);

export const MailDeliveryById = graphql(`
  query MailDeliveryById($id: ID!) {
    mailDelivery(id: $id) {
      id
      status
    }
  }
`);

export const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(input: { email: $email }) {
      accepted
    }
  }
`);

export const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(input: { token: $token, password: $password }) {
      revokedSessions
    }
  }
`);

export const RequestEmailVerification = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification {
      accepted
    }
  }
`);

export const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(input: { token: $token }) {
      email
    }
  }
`);

export const RequestSignInLink = graphql(`
  mutation RequestSignInLink($email: String!) {
    requestSignInLink(input: { email: $email }) {
      accepted
    }
  }
`);

export const SignInWithLink = graphql(`
  mutation SignInWithLink($token: String!) {
    signInWithLink(input: { token: $token }) {
      token
      user {
        id
        emailVerified
      }
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        name
        language
      }
    }
  }
`);

export const ViewerEmail = graphql(`
  query ViewerEmail {
    viewer {
      user {
        id
        email
        emailVerified
        language
      }
      currentWorkspace {
        id
      }
    }
  }
`);

export const PasswordSignIn = graphql(`
  mutation PasswordSignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

export async function inviteMember(url: string, token: string, email: string, role: Role = 'MEMBER') {
  const data = await execute(url, InviteMembers, { input: { emails: [email], role } }, { token });
  return data.inviteWorkspaceMembers.invitations[0]!;
}

export interface OutboxMail {
  file: string;
  parsed: ParsedMail;
  to: string;
  /** The token of the first `#token=` link in the plain-text part. */
  token: string | null;
}

/** Every `.eml` in the outbox folder, parsed back. */
export async function readOutbox(dataDir: string): Promise<OutboxMail[]> {
  const dir = path.join(dataDir, 'outbox');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(path.join(dir, file)));
      const to = (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.value[0]?.address ?? '';
      const match = /#token=([A-Za-z0-9_%-]+)/.exec(parsed.text ?? '');
      return { file, parsed, to, token: match ? decodeURIComponent(match[1]!) : null };
    }),
  );
}

/** Waits for the outbox to hold a message to `to` whose subject matches, and returns the newest such. */
export async function waitForMail(dataDir: string, to: string, subject: RegExp, count = 1): Promise<OutboxMail> {
  let found: OutboxMail[] = [];
  await until(async () => {
    found = (await readOutbox(dataDir)).filter((mail) => mail.to === to.toLowerCase() && subject.test(mail.parsed.subject ?? ''));
    return found.length >= count;
  }, 15_000);
  return found.sort((a, b) => (a.parsed.date?.getTime() ?? 0) - (b.parsed.date?.getTime() ?? 0)).at(-1)!;
}
