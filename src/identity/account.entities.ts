import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { Role } from './identity.entities.js';

/** An invitation to a workspace, sent by mail; its token (only the hash is stored) is used once. */
export class Invitation {
  [OptionalProps]?: 'id' | 'createdAt' | 'acceptedAt' | 'acceptedBy' | 'revokedAt';
  id: string = randomUUID();
  workspaceId!: string;
  /** Normalised (trimmed, lower case). */
  email!: string;
  role!: Role;
  language!: string;
  tokenHash!: string;
  invitedBy!: string | null;
  expiresAt!: Date;
  acceptedAt: Date | null = null;
  acceptedBy: string | null = null;
  revokedAt: Date | null = null;
  createdAt: Date = new Date();
}

export const InvitationSchema = new EntitySchema<Invitation>({
  class: Invitation,
  tableName: 'invitations',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    email: { type: 'string' },
    role: { type: 'string' },
    language: { type: 'string' },
    tokenHash: { type: 'string' },
    invitedBy: { type: 'uuid', nullable: true },
    expiresAt: { type: 'Date' },
    acceptedAt: { type: 'Date', nullable: true },
    acceptedBy: { type: 'uuid', nullable: true },
    revokedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export const TOKEN_PURPOSES = ['VERIFY_EMAIL', 'RESET_PASSWORD', 'SIGN_IN'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A single-use link mailed to a user: proves they read mail at `email` when it was issued. */
export class AccountToken {
  [OptionalProps]?: 'id' | 'createdAt' | 'usedAt';
  id: string = randomUUID();
  userId!: string;
  purpose!: TokenPurpose;
  /** The address it was sent to; the token is void if the user's address changed since. */
  email!: string;
  tokenHash!: string;
  expiresAt!: Date;
  usedAt: Date | null = null;
  createdAt: Date = new Date();
}

export const AccountTokenSchema = new EntitySchema<AccountToken>({
  class: AccountToken,
  tableName: 'account_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    purpose: { type: 'string' },
    email: { type: 'string' },
    tokenHash: { type: 'string' },
    expiresAt: { type: 'Date' },
    usedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export const accountEntities = [InvitationSchema, AccountTokenSchema];
