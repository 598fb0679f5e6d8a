import { canonicalId } from '../../src/shared/ids.js';
import type { FileResolvers } from '../__generated__/types.js';

export const File: FileResolvers = {
  // Representations come from the gateway's callers: a malformed id resolves to null.
  __resolveReference: (ref, ctx) => {
    const id = canonicalId(ref.id);
    return id ? ctx.loaders.files.file.load(id) : null;
  },
  url: (file, _args, ctx) => ctx.services.files.downloadUrl(file).url,
  urlExpiresAt: (file, _args, ctx) => ctx.services.files.downloadUrl(file).expiresAt,
  creator: (file, _args, ctx) => (file.createdBy ? ctx.loaders.identity.user.load(file.createdBy) : null),
};
