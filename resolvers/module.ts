import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { Resolvers } from './__generated__/types.js';

/** One federation subgraph module: its SDL from schema/ and the resolvers that implement it. */
export interface DomainModule {
  name: string;
  typeDefs: DocumentNode;
  resolvers: Resolvers;
}

export function loadTypeDefs(domain: string): DocumentNode {
  return parse(readFileSync(new URL(`../schema/${domain}.graphql`, import.meta.url), 'utf8'));
}
