import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { UnauthenticatedError } from '../errors.js';

/** Federation's own root fields: the SDL is public (gateways fetch it); entities need a viewer. */
const PUBLIC_FEDERATION_FIELDS = new Set(['_service']);

function requireViewer(ctx: Context): void {
  if (!ctx.viewer) throw new UnauthenticatedError('Sign in to do this');
}

function guard(field: GraphQLFieldConfig<unknown, Context>): GraphQLFieldConfig<unknown, Context> {
  const resolve = field.resolve ?? defaultFieldResolver;
  const guarded: GraphQLFieldConfig<unknown, Context> = {
    ...field,
    resolve: (parent, args, ctx, info) => {
      requireViewer(ctx);
      return resolve(parent, args, ctx, info);
    },
  };
  if (field.subscribe) {
    const subscribe = field.subscribe;
    guarded.subscribe = (parent, args, ctx, info) => {
      requireViewer(ctx);
      return subscribe(parent, args, ctx, info);
    };
  }
  return guarded;
}

/**
 * Private by default: every root field needs a signed-in viewer unless its SDL says
 * `@public`, so a newly added field cannot be exposed by forgetting a directive.
 * Nested fields are reachable only through a root field, so guarding roots covers them.
 */
export function applyAuthDefault(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName) => {
      if (PUBLIC_FEDERATION_FIELDS.has(fieldName)) return field;
      if (getDirective(schema, field, 'public')?.length) return field;
      return guard(field as GraphQLFieldConfig<unknown, Context>);
    },
  });
}
