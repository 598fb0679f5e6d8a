import type { ApiKeyResolvers } from '../__generated__/types.js';

export const ApiKey: ApiKeyResolvers = {
  scope: (key) => (key.appId ? 'APP' : 'WORKSPACE'),
  app: (key, _args, ctx) => (key.appId ? ctx.loaders.apps.app.load(key.appId) : null),
  creator: (key, _args, ctx) => (key.createdBy ? ctx.loaders.identity.user.load(key.createdBy) : null),
};
