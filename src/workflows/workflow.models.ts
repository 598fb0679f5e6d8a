import type { App } from '../apps/app.entity.js';
import type { Page } from '../shared/pagination.js';
import type { NodeExecution, WorkflowRun, WorkflowVersion } from './workflow.entities.js';

/** An app's workflow as the API shows it: the versions resolve from the app. */
export interface WorkflowModel {
  app: App;
}

export type VersionPage = Page<WorkflowVersion>;
export type VersionEdge = VersionPage['edges'][number];
export type RunPage = Page<WorkflowRun>;
export type RunEdge = RunPage['edges'][number];
export type NodeExecutionPage = Page<NodeExecution>;
export type NodeExecutionEdge = NodeExecutionPage['edges'][number];
