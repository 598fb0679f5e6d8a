import { isApiDefinition } from '../../src/tools/tool.entities.js';
import type { ToolListingResolvers } from '../__generated__/types.js';

export const ToolListing: ToolListingResolvers = {
  publishedAt: (listing) => listing.publishedAt!,
  publisher: async (listing, _args, ctx) => (await ctx.loaders.tools.publisherName.load(listing.workspaceId))?.name ?? '',
  // Only API providers are published.
  tools: (listing) => (isApiDefinition(listing.definition) ? listing.definition.spec.operations : []),
};
