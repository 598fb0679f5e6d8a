import { loadTypeDefs, type DomainModule } from '../module.js';
import { ApiKey } from './ApiKey.js';
import { Invitation } from './Invitation.js';
import { Membership } from './Membership.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import { User } from './User.js';
import { Viewer } from './Viewer.js';
import { Workspace, WorkspaceEdge } from './Workspace.js';

export const identityModule: DomainModule = {
  name: 'identity',
  typeDefs: loadTypeDefs('identity'),
  resolvers: { Query, Mutation, Subscription, Viewer, Workspace, WorkspaceEdge, Membership, User, ApiKey, Invitation },
};
