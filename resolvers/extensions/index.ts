import { loadTypeDefs, type DomainModule } from '../module.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Extension, ExtensionExecution, ExtensionModule, ExtensionPoint, FormField, Plugin } from './types.js';

export const extensionsModule: DomainModule = {
  name: 'extensions',
  typeDefs: loadTypeDefs('extensions'),
  resolvers: { Query, Mutation, Extension, ExtensionExecution, ExtensionModule, ExtensionPoint, FormField, Plugin },
};
