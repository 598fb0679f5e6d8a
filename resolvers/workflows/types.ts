import { NotFoundError } from '../../src/errors.js';
import type { WorkflowEvent as WorkflowEventModel } from '../../src/workflows/runs/run-events.js';
import { DRAFT_VERSION } from '../../src/workflows/workflow.entities.js';
import { startNodeOf } from '../../src/workflows/workflow.service.js';
import type {
  AppResolvers,
  WorkflowEventResolvers,
  WorkflowNodeExecutionResolvers,
  WorkflowResolvers,
  WorkflowRunResolvers,
  WorkflowVersionResolvers,
  WorkflowNodeType,
} from '../__generated__/types.js';

export const App: AppResolvers = {
  workflow: (app) => (app.mode === 'WORKFLOW' ? { app } : null),
};

export const Workflow: WorkflowResolvers = {
  draft: ({ app }, _args, ctx) => ctx.loaders.workflows.draft.load(app.id),
  published: ({ app }, _args, ctx) => ctx.loaders.workflows.published.load(app.id),
  versions: ({ app }, { first, after }, ctx) => ctx.services.workflows.versions(app, first ?? 20, after),
};

export const WorkflowVersion: WorkflowVersionResolvers = {
  isDraft: (version) => version.version === DRAFT_VERSION,
  nodes: (version) => version.graph.nodes,
  inputs: (version) => startNodeOf(version.graph).data.inputs,
  createdBy: (version, _args, ctx) => (version.createdBy ? ctx.loaders.identity.user.load(version.createdBy) : null),
};

export const WorkflowRun: WorkflowRunResolvers = {
  app: async (run, _args, ctx) => {
    const app = await ctx.loaders.apps.app.load(run.appId);
    if (!app) throw new NotFoundError('App not found', { id: run.appId });
    return app;
  },
  error: (run) => (run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? '' } : null),
  triggeredBy: (run, _args, ctx) => (run.userId ? ctx.loaders.identity.user.load(run.userId) : null),
  durationMs: (run) => (run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null),
  nodeExecutions: (run, { first, after, filter }, ctx) => ctx.services.workflows.nodeExecutions(run, first ?? 50, after, filter ?? {}),
  events: (run, { afterSequence, first }, ctx) => ctx.services.workflows.recordedEvents(run, afterSequence ?? 0, first ?? 100),
};

export const WorkflowNodeExecution: WorkflowNodeExecutionResolvers = {
  // Stored as text; written only from a validated graph's node types.
  nodeType: (execution) => execution.nodeType as WorkflowNodeType,
  error: (execution) => (execution.errorCode ? { code: execution.errorCode, message: execution.errorMessage ?? '' } : null),
  startedAt: (execution) => execution.createdAt,
};

const EVENT_TYPES = {
  RUN_STARTED: 'WorkflowRunStarted',
  NODE_STARTED: 'WorkflowNodeStarted',
  NODE_FINISHED: 'WorkflowNodeFinished',
  TEXT_CHUNK: 'WorkflowTextChunk',
  RUN_FINISHED: 'WorkflowRunFinished',
  RUN_FAILED: 'WorkflowRunFailed',
  RUN_STOPPED: 'WorkflowRunStopped',
} as const;

export const WorkflowEvent: WorkflowEventResolvers = {
  __resolveType: (event: WorkflowEventModel) => EVENT_TYPES[event.type],
};
