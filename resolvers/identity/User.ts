import { canonicalId } from '../../src/shared/ids.js';
import type { UserResolvers } from '../__generated__/types.js';
import { toLanguageEnum } from '../language.js';

export const User: UserResolvers = {
  // Representations come from the gateway's callers: a malformed id resolves to null.
  __resolveReference: (ref, ctx) => {
    const id = canonicalId(ref.id);
    return id ? ctx.loaders.identity.user.load(id) : null;
  },
  language: (user) => toLanguageEnum(user.language),
};
