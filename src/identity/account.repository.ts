import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { flushOrConflict } from '../platform/db/flush.js';
import { wellFormedIds } from '../shared/ids.js';
import { afterPosition, type Position } from '../shared/pagination.js';
import { AccountToken, Invitation, type TokenPurpose } from './account.entities.js';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function invitationStatus(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'PENDING';
}

function statusCondition(status: InvitationStatus, now: Date): FilterQuery<Invitation> {
  switch (status) {
    case 'ACCEPTED':
      return { acceptedAt: { $ne: null } };
    case 'REVOKED':
      return { acceptedAt: null, revokedAt: { $ne: null } };
    case 'EXPIRED':
      return { acceptedAt: null, revokedAt: null, expiresAt: { $lte: now } };
    case 'PENDING':
      return { acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } };
  }
}

/** Invitations and single-use account tokens. */
export class AccountRepository {
  constructor(private readonly em: EntityManager) {}

  /** Open invitations of these addresses with this role (to refuse an ADMIN replacing an OWNER invitation). */
  async openInvitationsWithRole(workspaceId: string, emails: string[], role: string, now: Date): Promise<Invitation[]> {
    return this.em.find(Invitation, { workspaceId, email: { $in: emails }, role: role as Invitation['role'], acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } });
  }

  /** Revokes one open invitation; false when it was accepted or revoked meanwhile. */
  async revokeInvitation(id: string, now: Date): Promise<boolean> {
    return (await this.em.nativeUpdate(Invitation, { id, acceptedAt: null, revokedAt: null }, { revokedAt: now })) > 0;
  }

  /** Open (not accepted, not revoked) invitations of these addresses, to be replaced by new ones. */
  async revokeOpenInvitations(workspaceId: string, emails: string[], now: Date): Promise<void> {
    if (emails.length === 0) return;
    await this.em.nativeUpdate(Invitation, { workspaceId, email: { $in: emails }, acceptedAt: null, revokedAt: null }, { revokedAt: now });
  }

  async createInvitations(rows: Array<Pick<Invitation, 'id' | 'workspaceId' | 'email' | 'role' | 'language' | 'tokenHash' | 'invitedBy' | 'expiresAt'>>): Promise<Invitation[]> {
    const invitations = rows.map((row) => this.em.create(Invitation, row));
    // The same address invited twice at once: the second gets a coded answer.
    await flushOrConflict(this.em, () => new ConflictError('This address is being invited right now; try again', { field: 'emails' }));
    return invitations;
  }

  findInvitations(workspaceId: string, ids: readonly string[]): Promise<Invitation[]> {
    return this.em.find(Invitation, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  /** The invitation behind a token, locked until the transaction ends (accepting twice at once: one wins). */
  findInvitationByTokenForUpdate(tokenHash: string): Promise<Invitation | null> {
    return this.em.findOne(Invitation, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  pageInvitations(workspaceId: string, status: InvitationStatus | null, limit: number, after?: Position): Promise<Invitation[]> {
    const now = new Date();
    const conditions: FilterQuery<Invitation>[] = [{ workspaceId }];
    if (status) conditions.push(statusCondition(status, now));
    if (after) conditions.push(afterPosition(after));
    return this.em.find(Invitation, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  countInvitations(workspaceId: string, status: InvitationStatus | null): Promise<number> {
    const conditions: FilterQuery<Invitation>[] = [{ workspaceId }];
    if (status) conditions.push(statusCondition(status, new Date()));
    return this.em.count(Invitation, { $and: conditions });
  }

  async createToken(row: Pick<AccountToken, 'userId' | 'purpose' | 'email' | 'tokenHash' | 'expiresAt'>): Promise<AccountToken> {
    const token = this.em.create(AccountToken, row);
    await this.em.flush();
    return token;
  }

  findTokenForUpdate(tokenHash: string): Promise<AccountToken | null> {
    return this.em.findOne(AccountToken, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Whether an unused, unexpired link of `purpose` was issued to the user within `withinMs`. */
  async hasRecentLink(userId: string, purpose: TokenPurpose, withinMs: number): Promise<boolean> {
    const now = Date.now();
    const count = await this.em.count(AccountToken, { userId, purpose, usedAt: null, expiresAt: { $gt: new Date(now) }, createdAt: { $gt: new Date(now - withinMs) } });
    return count > 0;
  }

  /** Voids a user's unused tokens of these purposes (after a password reset, every outstanding reset and sign-in link). */
  async useTokensOf(userId: string, purposes: TokenPurpose[], now: Date): Promise<void> {
    await this.em.nativeUpdate(AccountToken, { userId, purpose: { $in: purposes }, usedAt: null }, { usedAt: now });
  }
}
