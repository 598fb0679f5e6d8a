import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export class User {
  [OptionalProps]?: 'id' | 'createdAt' | 'passwordHash';
  id: string = randomUUID();
  email!: string;
  name!: string;
  /** scrypt hash; null for users who only sign in through OAuth. */
  passwordHash: string | null = null;
  createdAt: Date = new Date();
}

export class Workspace {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  name!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export class Membership {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  workspaceId!: string;
  userId!: string;
  role!: Role;
  createdAt: Date = new Date();
}

export class Session {
  [OptionalProps]?: 'id' | 'createdAt' | 'revokedAt';
  id: string = randomUUID();
  userId!: string;
  /** sha256 of the bearer token; the token itself is never stored. */
  tokenHash!: string;
  expiresAt!: Date;
  revokedAt: Date | null = null;
  createdAt: Date = new Date();
}

// Foreign keys are plain uuid columns (constraints live in the migration) so that
// per-request DataLoaders, not lazy ORM references, decide when rows are fetched.
export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', unique: true },
    name: { type: 'string' },
    passwordHash: { type: 'string', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export const WorkspaceSchema = new EntitySchema<Workspace>({
  class: Workspace,
  tableName: 'workspaces',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string' },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const MembershipSchema = new EntitySchema<Membership>({
  class: Membership,
  tableName: 'memberships',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    userId: { type: 'uuid' },
    role: { type: 'string' },
    createdAt: { type: 'Date' },
  },
});

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    tokenHash: { type: 'string', unique: true },
    expiresAt: { type: 'Date' },
    revokedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export const identityEntities = [UserSchema, WorkspaceSchema, MembershipSchema, SessionSchema];
