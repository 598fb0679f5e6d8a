import type { QueryResolvers } from '../__generated__/types.js';
import { NotFoundError } from '../../src/errors.js';

export const Query: QueryResolvers = {
  mailDeliveries: (_parent, { first, after, filter }, ctx) =>
    ctx.services.mail.deliveries(first ?? 20, after, {
      status: filter?.status,
      template: filter?.template?.toLowerCase(),
      recipient: filter?.recipient,
    }),
  mailDelivery: async (_parent, { id }, ctx) => {
    const [delivery] = await ctx.services.mail.deliveriesByIds([id]);
    if (!delivery) throw new NotFoundError('Mail delivery not found', { id });
    return delivery;
  },
};
