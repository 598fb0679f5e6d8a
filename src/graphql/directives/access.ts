import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import ms from 'ms';
import type { Context } from '../../context.js';
import type { Role } from '../../identity/identity.entities.js';
import { requireViewer, requireWorkspaceRole } from '../../identity/viewer.js';
import { whileAllowed } from '../../shared/streams.js';
import type { RateLimitRule } from './rate-limit.js';

/** Federation's own root fields: the SDL is public (gateways fetch it); entities need a viewer. */
const PUBLIC_FEDERATION_FIELDS = new Set(['_service']);

export type RateLimitCheck = (rule: RateLimitRule, parent: unknown, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => Promise<void>;

type Field = GraphQLFieldConfig<unknown, Context>;

/** The checks a field needs, decided once when the schema is built. */
interface FieldGuard {
  needsViewer: boolean;
  role?: Role;
  rateLimit?: RateLimitRule;
}

function guardOf(schema: GraphQLSchema, field: Field, fieldName: string, typeName: string): FieldGuard {
  const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name);
  const isRoot = rootTypes.includes(typeName);
  const isPublic = PUBLIC_FEDERATION_FIELDS.has(fieldName) || Boolean(getDirective(schema, field, 'public')?.length);
  const type = schema.getType(typeName)!;
  const auth = getDirective(schema, field, 'auth')?.[0] ?? getDirective(schema, type, 'auth')?.[0];
  const rateLimit = getDirective(schema, field, 'rateLimit')?.[0] as RateLimitRule | undefined;
  if (rateLimit && !ms(rateLimit.window as ms.StringValue)) {
    throw new Error(`@rateLimit on ${typeName}.${fieldName}: window "${rateLimit.window}" is not a duration like "1m"`);
  }
  return { needsViewer: (isRoot && !isPublic) || Boolean(auth), role: auth?.requires as Role | undefined, rateLimit };
}

function wrap(resolver: GraphQLFieldResolver<unknown, Context>, guard: FieldGuard, checkRate: RateLimitCheck): GraphQLFieldResolver<unknown, Context> {
  const checkAccess = (ctx: Context) => {
    if (guard.role) requireWorkspaceRole(ctx.viewer, guard.role);
    else if (guard.needsViewer) requireViewer(ctx.viewer);
  };
  if (!guard.rateLimit) {
    // Synchronous on purpose: most guarded fields are plain properties, read often.
    return (parent, args, ctx, info) => {
      checkAccess(ctx);
      return resolver(parent, args, ctx, info);
    };
  }
  const rule = guard.rateLimit;
  return async (parent, args, ctx, info) => {
    checkAccess(ctx);
    await checkRate(rule, parent, args, ctx, info);
    return resolver(parent, args, ctx, info);
  };
}

/** A subscription ends at the first event after its session or key stops being valid. */
function guardStream(subscribe: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return async (parent, args, ctx, info) => {
    const source = (await subscribe(parent, args, ctx, info)) as AsyncIterable<unknown>;
    return whileAllowed(source, () => ctx.stillAuthorized());
  };
}

/**
 * Applies access rules from the SDL to every field, once, at schema build:
 * - root fields need a viewer (user or API key) unless `@public`: private by default;
 * - `@auth(requires: ROLE)` on a field or its type needs that role in the current workspace;
 * - `@rateLimit(max, window, by)` counts calls per caller.
 * For subscriptions the checks run when subscribing, and credentials are re-checked per event.
 */
export function applyAccessDirectives(schema: GraphQLSchema, checkRate: RateLimitCheck): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const field = fieldConfig as Field;
      const guard = guardOf(schema, field, fieldName, typeName);
      if (!guard.needsViewer && !guard.role && !guard.rateLimit) return field;
      if (field.subscribe) return { ...field, subscribe: guardStream(wrap(field.subscribe, guard, checkRate)) };
      return { ...field, resolve: wrap(field.resolve ?? defaultFieldResolver, guard, checkRate) };
    },
  });
}
