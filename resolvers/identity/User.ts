import type { UserResolvers } from '../__generated__/types.js';

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.identity.user.load(ref.id),
};
