import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import { loadTypeDefs, type DomainModule } from '../module.js';
import { File } from './File.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const filesModule: DomainModule = {
  name: 'files',
  typeDefs: loadTypeDefs('files'),
  resolvers: { Upload: GraphQLUpload, Query, Mutation, File },
};
