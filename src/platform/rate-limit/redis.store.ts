import type { Redis } from 'ioredis';
import { Store } from 'graphql-rate-limit';

type Identity = Parameters<Store['getForIdentity']>[0];

/**
 * graphql-rate-limit's Store on Redis through ioredis (its bundled RedisStore expects the
 * callback API of node-redis 3). Shared by every gateway process, so a limit holds across
 * the fleet. Keys expire with their window.
 */
export class IoRedisStore extends Store {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'plugboard:rate-limit:',
  ) {
    super();
  }

  private key({ contextIdentity, fieldIdentity }: Identity): string {
    return `${this.prefix}${contextIdentity}:${fieldIdentity}`;
  }

  async setForIdentity(identity: Identity, timestamps: readonly number[], windowMs?: number): Promise<void> {
    const value = JSON.stringify(timestamps);
    if (windowMs) await this.redis.set(this.key(identity), value, 'PX', windowMs);
    else await this.redis.set(this.key(identity), value);
  }

  async getForIdentity(identity: Identity): Promise<readonly number[]> {
    const value = await this.redis.get(this.key(identity));
    return value ? (JSON.parse(value) as number[]) : [];
  }
}
