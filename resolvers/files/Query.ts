import type { QueryResolvers } from '../__generated__/types.js';

export const Query: QueryResolvers = {
  files: (_parent, { first, after, filter }, ctx) => ctx.services.files.list(first ?? 20, after, filter ?? {}),
  file: (_parent, { id }, ctx) => ctx.services.files.get(id),
};
