import type { ToolListingResolvers } from '../__generated__/types.js';

export const ToolListing: ToolListingResolvers = {
  publishedAt: (listing) => listing.publishedAt!,
  publisher: async (listing, _args, ctx) => (await ctx.loaders.tools.publisherName.load(listing.workspaceId))?.name ?? '',
  tools: (listing) => listing.definition.spec.operations,
};
