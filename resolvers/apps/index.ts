import { loadTypeDefs, type DomainModule } from '../module.js';
import { App } from './App.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const appsModule: DomainModule = {
  name: 'apps',
  typeDefs: loadTypeDefs('apps'),
  resolvers: { Query, Mutation, App },
};
