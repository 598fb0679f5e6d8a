import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export class User {
  [OptionalProps]?: 'id' | 'createdAt' | 'passwordHash' | 'emailVerified' | 'failedSignIns' | 'lockedUntil' | 'language';
  id: string = randomUUID();
  email!: string;
  name!: string;
  /** scrypt hash; null for users who only sign in through OAuth. */
  passwordHash: string | null = null;
  /** True once the address is proven theirs (by a provider that verified it; mail verification later). */
  emailVerified = false;
  /** Consecutive wrong passwords; drives the sign-in backoff. */
  failedSignIns = 0;
  lockedUntil: Date | null = null;
  /** The language of the mail they receive: `en` or `zh-Hans`. */
  language = 'en';
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
  [OptionalProps]?: 'id' | 'createdAt' | 'revokedAt' | 'currentWorkspaceId';
  id: string = randomUUID();
  userId!: string;
  /** The workspace this session acts in; null means the user's oldest membership. */
  currentWorkspaceId: string | null = null;
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
    emailVerified: { type: 'boolean' },
    failedSignIns: { type: 'integer' },
    lockedUntil: { type: 'Date', nullable: true },
    language: { type: 'string' },
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
    currentWorkspaceId: { type: 'uuid', nullable: true },
    tokenHash: { type: 'string', unique: true },
    expiresAt: { type: 'Date' },
    revokedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
  },
});

export class OAuthAccount {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  userId!: string;
  /** Provider name as configured, e.g. "github", "google", "oidc". */
  provider!: string;
  /** The provider's stable user ID (`sub`, or GitHub's numeric id). */
  subject!: string;
  createdAt: Date = new Date();
}

export const OAuthAccountSchema = new EntitySchema<OAuthAccount>({
  class: OAuthAccount,
  tableName: 'oauth_accounts',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    provider: { type: 'string' },
    subject: { type: 'string' },
    createdAt: { type: 'Date' },
  },
});

export class ApiKey {
  [OptionalProps]?: 'id' | 'createdAt' | 'appId' | 'lastUsedAt' | 'revokedAt';
  id: string = randomUUID();
  workspaceId!: string;
  /** Set for a key limited to one app. */
  appId: string | null = null;
  createdBy!: string | null;
  name!: string;
  /** The first characters of the key, shown in lists so people can tell keys apart. */
  prefix!: string;
  /** sha256 of the key; the key itself is shown once and never stored. */
  keyHash!: string;
  role!: Role;
  createdAt: Date = new Date();
  lastUsedAt: Date | null = null;
  revokedAt: Date | null = null;
}

export const ApiKeySchema = new EntitySchema<ApiKey>({
  class: ApiKey,
  tableName: 'api_keys',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    appId: { type: 'uuid', nullable: true },
    createdBy: { type: 'uuid', nullable: true },
    name: { type: 'string' },
    prefix: { type: 'string' },
    keyHash: { type: 'string', unique: true },
    role: { type: 'string' },
    createdAt: { type: 'Date' },
    lastUsedAt: { type: 'Date', nullable: true },
    revokedAt: { type: 'Date', nullable: true },
  },
});

export const identityEntities = [UserSchema, WorkspaceSchema, MembershipSchema, SessionSchema, OAuthAccountSchema, ApiKeySchema];
