import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { loadTypeDefs, type DomainModule } from '../module.js';

export const baseModule: DomainModule = {
  name: 'base',
  typeDefs: loadTypeDefs('base'),
  resolvers: { DateTime: DateTimeResolver, JSON: JSONResolver },
};
