import { Store } from 'graphql-rate-limit';

type Identity = Parameters<Store['getForIdentity']>[0];

/**
 * graphql-rate-limit's Store in process memory, with expiry: its bundled InMemoryStore
 * keeps every caller it has ever seen, so rotating IPs would grow it without bound.
 */
export class MemoryStore extends Store {
  private readonly entries = new Map<string, { timestamps: readonly number[]; expiresAt: number }>();
  private nextSweep = 0;

  private static key({ contextIdentity, fieldIdentity }: Identity): string {
    return `${contextIdentity}\u0000${fieldIdentity}`;
  }

  setForIdentity(identity: Identity, timestamps: readonly number[], windowMs = 60_000): void {
    const now = Date.now();
    this.entries.set(MemoryStore.key(identity), { timestamps, expiresAt: now + windowMs });
    if (now >= this.nextSweep) this.sweep(now);
  }

  getForIdentity(identity: Identity): readonly number[] {
    const entry = this.entries.get(MemoryStore.key(identity));
    return entry && entry.expiresAt > Date.now() ? entry.timestamps : [];
  }

  /** Drops expired entries, at most once a minute. */
  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    this.nextSweep = now + 60_000;
  }
}
