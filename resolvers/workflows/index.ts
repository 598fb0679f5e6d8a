import { loadTypeDefs, type DomainModule } from '../module.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import { App, Workflow, WorkflowEvent, WorkflowNodeExecution, WorkflowRun, WorkflowVersion } from './types.js';

export const workflowsModule: DomainModule = {
  name: 'workflows',
  typeDefs: loadTypeDefs('workflows'),
  resolvers: { Query, Mutation, Subscription, App, Workflow, WorkflowVersion, WorkflowRun, WorkflowNodeExecution, WorkflowEvent },
};
