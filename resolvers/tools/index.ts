import { loadTypeDefs, type DomainModule } from '../module.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import { ApiAuth, OpenApiPreview, Tool, ToolEvent, ToolMessage, ToolParameter } from './Tool.js';
import { ToolInvocation } from './ToolInvocation.js';
import { ToolListing } from './ToolListing.js';
import { ToolProvider } from './ToolProvider.js';

export const toolsModule: DomainModule = {
  name: 'tools',
  typeDefs: loadTypeDefs('tools'),
  resolvers: { Query, Mutation, Subscription, ToolProvider, Tool, ToolParameter, ApiAuth, OpenApiPreview, ToolInvocation, ToolListing, ToolMessage, ToolEvent },
};
