import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { WorkflowGraph } from './graph/graph.types.js';

/** Version 0 is an app's one editable draft; publishing copies it to the next number from 1. */
export const DRAFT_VERSION = 0;

export class WorkflowVersion {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  workspaceId!: string;
  appId!: string;
  version!: number;
  graph!: WorkflowGraph;
  createdBy!: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'STOPPED'];

/** One run of a workflow: it keeps the graph it ran, so later edits never change its meaning. */
export class WorkflowRun {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'outputs'
    | 'errorCode'
    | 'errorMessage'
    | 'depth'
    | 'parentRunId'
    | 'userId'
    | 'apiKeyId'
    | 'stopRequested'
    | 'workerId'
    | 'heartbeatAt'
    | 'startedAt'
    | 'finishedAt'
    | 'enqueuedAt';
  id: string = randomUUID();
  workspaceId!: string;
  appId!: string;
  version!: number;
  graph!: WorkflowGraph;
  status!: RunStatus;
  inputs!: Record<string, unknown>;
  outputs: Record<string, unknown> | null = null;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  /** 0 for a run started by a client; n + 1 for a run started by a WORKFLOW tool inside a run of depth n. */
  depth = 0;
  parentRunId: string | null = null;
  userId: string | null = null;
  apiKeyId: string | null = null;
  stopRequested = false;
  workerId: string | null = null;
  /** Refreshed by the process executing the run; a stale one means that process died. */
  heartbeatAt: Date | null = null;
  createdAt: Date = new Date();
  /** When its job was last sent (a run QUEUED long after that is sent again). */
  enqueuedAt: Date = new Date();
  startedAt: Date | null = null;
  finishedAt: Date | null = null;
}

export const NODE_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export class NodeExecution {
  [OptionalProps]?: 'id' | 'createdAt' | 'title' | 'iterationId' | 'iterationIndex' | 'attempts' | 'inputs' | 'outputs' | 'errorCode' | 'errorMessage' | 'finishedAt' | 'durationMs';
  id: string = randomUUID();
  workspaceId!: string;
  runId!: string;
  nodeId!: string;
  nodeType!: string;
  title: string | null = null;
  /** Inside an ITERATION: its node ID and the element's index. */
  iterationId: string | null = null;
  iterationIndex: number | null = null;
  status!: NodeStatus;
  attempts = 1;
  inputs: unknown = null;
  outputs: unknown = null;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  /** When the node started. */
  createdAt: Date = new Date();
  finishedAt: Date | null = null;
  durationMs: number | null = null;
}

export const WorkflowVersionSchema = new EntitySchema<WorkflowVersion>({
  class: WorkflowVersion,
  tableName: 'workflow_versions',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    appId: { type: 'uuid' },
    version: { type: 'integer' },
    graph: { type: 'json' },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const WorkflowRunSchema = new EntitySchema<WorkflowRun>({
  class: WorkflowRun,
  tableName: 'workflow_runs',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    appId: { type: 'uuid' },
    version: { type: 'integer' },
    graph: { type: 'json' },
    status: { type: 'string' },
    inputs: { type: 'json' },
    outputs: { type: 'json', nullable: true },
    errorCode: { type: 'string', nullable: true },
    errorMessage: { type: 'text', nullable: true },
    depth: { type: 'integer' },
    parentRunId: { type: 'uuid', nullable: true },
    userId: { type: 'uuid', nullable: true },
    apiKeyId: { type: 'uuid', nullable: true },
    stopRequested: { type: 'boolean' },
    workerId: { type: 'string', nullable: true },
    heartbeatAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date' },
    enqueuedAt: { type: 'Date' },
    startedAt: { type: 'Date', nullable: true },
    finishedAt: { type: 'Date', nullable: true },
  },
});

export const NodeExecutionSchema = new EntitySchema<NodeExecution>({
  class: NodeExecution,
  tableName: 'workflow_node_executions',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    runId: { type: 'uuid' },
    nodeId: { type: 'string' },
    nodeType: { type: 'string' },
    title: { type: 'string', nullable: true },
    iterationId: { type: 'string', nullable: true },
    iterationIndex: { type: 'integer', nullable: true },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    inputs: { type: 'json', nullable: true },
    outputs: { type: 'json', nullable: true },
    errorCode: { type: 'string', nullable: true },
    errorMessage: { type: 'text', nullable: true },
    createdAt: { type: 'Date' },
    finishedAt: { type: 'Date', nullable: true },
    durationMs: { type: 'integer', nullable: true },
  },
});

export const workflowEntities = [WorkflowVersionSchema, WorkflowRunSchema, NodeExecutionSchema];
