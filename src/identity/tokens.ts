import { createHash, randomBytes } from 'node:crypto';

/** Session tokens and API keys are random, prefixed so they can be told apart (and found by secret scanners). */
export const SESSION_TOKEN_PREFIX = 'pbs_';
export const API_KEY_PREFIX = 'pb_';

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens carry 256 random bits, so a fast hash is enough (no salt or stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
