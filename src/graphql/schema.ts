import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { GraphQLSchema } from 'graphql';
import type { Store } from 'graphql-rate-limit';
import { baseModule, domainModules } from '../../resolvers/index.js';
import type { SubgraphName } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { applyAccessDirectives } from './directives/access.js';
import { createRateLimitCheck } from './directives/rate-limit.js';

/**
 * One executable schema from `base` plus the selected domain modules, with the access
 * directives applied. Built once per process; the same schema serves HTTP, graphql-ws
 * and graphql-sse.
 */
export function buildSchema(
  subgraphs: readonly SubgraphName[],
  rateLimitStore: Store,
  options: { rateLimitScale?: number; log?: Logger; directives?: boolean } = {},
): GraphQLSchema {
  const modules = [baseModule, ...subgraphs.map((name) => domainModules[name])];
  const schema = buildSubgraphSchema(
    modules.map(({ typeDefs, resolvers }) => ({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> })),
  );
  // Without directives only for measuring what they cost (bench/): never serve that schema.
  if (options.directives === false) return schema;
  return applyAccessDirectives(schema, createRateLimitCheck(rateLimitStore, options.rateLimitScale ?? 1, options.log ?? createLogger('silent')));
}
