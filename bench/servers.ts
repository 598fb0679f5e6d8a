import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { MemoryStore } from '../src/platform/rate-limit/memory.store.js';
import { createAppLoaders } from '../src/apps/app.loaders.js';
import type { Config } from '../src/config.js';
import { buildContext, type Context, type Deps } from '../src/context.js';
import { buildSchema } from '../src/graphql/schema.js';
import { createIdentityLoaders } from '../src/identity/identity.loaders.js';
import { createToolLoaders } from '../src/tools/tool.loaders.js';
import { createFileLoaders } from '../src/files/file.loaders.js';
import { createExtensionLoaders } from '../src/extensions/extension.loaders.js';
import { createWorkflowLoaders } from '../src/workflows/workflow.loaders.js';

/**
 * A plain Apollo Server 5 standalone on the same database and services as Plugboard.
 * `bare` also drops the directives (auth, rate limits) and turns DataLoader batching
 * and caching off, so every relation costs its own statement.
 */
export async function startBaseline(config: Config, deps: Deps, options: { bare: boolean }) {
  const schema = buildSchema(config.subgraphs, new MemoryStore(), { directives: !options.bare });
  const server = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const ctx = await buildContext(deps, { requestId: 'bench', authorization: req.headers.authorization, ip: req.socket.remoteAddress });
      if (!options.bare) return ctx;
      const unbatched = { batch: false, cache: false };
      return {
        ...ctx,
        loaders: {
          identity: createIdentityLoaders(ctx.services.identity, ctx.services.workspaces, unbatched),
          apps: createAppLoaders(ctx.services.apps, unbatched),
          tools: createToolLoaders(ctx.services.toolManager, ctx.services.tools, unbatched),
          files: createFileLoaders(ctx.services.files, unbatched),
          extensions: createExtensionLoaders(ctx.services.extensions, unbatched),
          workflows: createWorkflowLoaders(ctx.services.workflows, unbatched),
        },
      };
    },
  });
  return { url, stop: () => server.stop() };
}
