import { getGraphQLRateLimiter, type Store } from 'graphql-rate-limit';
import type { GraphQLResolveInfo } from 'graphql';
import ms from 'ms';
import type { Context } from '../../context.js';
import { RateLimitedError } from '../../errors.js';
import type { Logger } from '../../logger.js';

export type RateLimitBy = 'CALLER' | 'IP';
export interface RateLimitRule {
  max: number;
  window: string;
  by: RateLimitBy;
}

/** The identity a limit counts against: the API key, else the user, else the client IP. */
export function callerIdentity(ctx: Context, by: RateLimitBy): string {
  if (by === 'CALLER' && ctx.viewer?.apiKey) return `key:${ctx.viewer.apiKey.id}`;
  if (by === 'CALLER' && ctx.viewer?.user) return `user:${ctx.viewer.user.id}`;
  return `ip:${ctx.ip}`;
}

/**
 * Limits through graphql-rate-limit's `getGraphQLRateLimiter` (its own directive needs a
 * graphql-tools API that no longer exists). Refused calls are not counted, so a client
 * that waits `retryAfter` seconds gets through. When the store is unreachable (Redis
 * down) calls are let through and logged: an outage of the limiter must not become an
 * outage of the API (sign-in keeps its per-account backoff in the database).
 */
export function createRateLimitCheck(store: Store, scale: number, log: Logger) {
  const limiters = {
    // The batch cache counts fields resolved together in one operation (aliases) as the
    // separate calls they are, instead of letting them all read the same count.
    CALLER: getGraphQLRateLimiter({ identifyContext: (ctx: Context) => callerIdentity(ctx, 'CALLER'), store, enableBatchRequestCache: true }),
    IP: getGraphQLRateLimiter({ identifyContext: (ctx: Context) => callerIdentity(ctx, 'IP'), store, enableBatchRequestCache: true }),
  };

  return async (declared: RateLimitRule, parent: unknown, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => {
    const rule = { ...declared, max: Math.max(1, Math.round(declared.max * scale)) };
    let refused: string | undefined;
    try {
      refused = await limiters[rule.by]({ parent, args, context: ctx, info }, { max: rule.max, window: rule.window, uncountRejected: true });
    } catch (error) {
      log.warn({ err: error, field: info.fieldName }, 'rate-limit store unavailable; call let through');
      return;
    }
    if (!refused) return;
    // The library says only "refused"; the store's timestamps tell when a slot frees up.
    const windowMs = ms(rule.window as ms.StringValue);
    const now = Date.now();
    const calls = [...(await store.getForIdentity({ contextIdentity: callerIdentity(ctx, rule.by), fieldIdentity: info.fieldName }))]
      .filter((t) => t + windowMs > now)
      .sort((a, b) => a - b);
    const freesAt = (calls[calls.length - rule.max] ?? now) + windowMs;
    throw new RateLimitedError(`Too many calls to ${info.fieldName}; retry later`, Math.max(1, Math.ceil((freesAt - now) / 1000)));
  };
}
