import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { flushOrConflict } from '../platform/db/flush.js';
import { wellFormedIds } from '../shared/ids.js';
import { afterPosition, beforePosition, type Position } from '../shared/pagination.js';
import { ToolProviderRecord } from '../tools/tool.entities.js';
import type { ToolParameter } from '../tools/tool.types.js';
import type { WorkflowProviderDefinition } from '../tools/workflow/workflow-tools.js';
import { DRAFT_VERSION, NodeExecution, WorkflowRun, WorkflowVersion, type NodeStatus, type RunStatus } from './workflow.entities.js';
import type { WorkflowGraph } from './graph/graph.types.js';

export interface RunFilter {
  workspaceId: string;
  appId?: string | null;
  status?: RunStatus | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

export interface NodeExecutionFilter {
  runId: string;
  status?: NodeStatus | null;
  nodeId?: string | null;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

function runWhere(filter: RunFilter): FilterQuery<WorkflowRun> {
  const conditions: FilterQuery<WorkflowRun>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.appId) conditions.push({ appId: wellFormedIds([filter.appId])[0] ?? NO_ID });
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.createdAfter) conditions.push({ createdAt: { $gte: filter.createdAfter } });
  if (filter.createdBefore) conditions.push({ createdAt: { $lt: filter.createdBefore } });
  return { $and: conditions };
}

function nodeWhere(filter: NodeExecutionFilter): FilterQuery<NodeExecution> {
  const conditions: FilterQuery<NodeExecution>[] = [{ runId: filter.runId }];
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.nodeId) conditions.push({ nodeId: filter.nodeId });
  return { $and: conditions };
}

/** Workflow versions and runs as requests read and write them (the engine has its own RunStore). */
export class WorkflowRepository {
  constructor(private readonly em: EntityManager) {}

  version(workspaceId: string, appId: string, version: number): Promise<WorkflowVersion | null> {
    return this.em.findOne(WorkflowVersion, { workspaceId, appId, version });
  }

  /** The drafts of these apps (one query for a list of apps). */
  draftsOf(workspaceId: string, appIds: readonly string[]): Promise<WorkflowVersion[]> {
    return this.em.find(WorkflowVersion, { workspaceId, appId: { $in: wellFormedIds(appIds) }, version: DRAFT_VERSION });
  }

  /** The latest published version of each of these apps, in one query. */
  async latestPublishedOf(workspaceId: string, appIds: readonly string[]): Promise<WorkflowVersion[]> {
    const ids = wellFormedIds(appIds);
    if (ids.length === 0) return [];
    const rows = await this.em.execute<{ id: string }[]>(
      `select distinct on (app_id) id from workflow_versions where workspace_id = ? and app_id in (${ids.map(() => '?').join(', ')}) and version > 0 order by app_id, version desc`,
      [workspaceId, ...ids],
    );
    return rows.length === 0 ? [] : this.em.find(WorkflowVersion, { id: { $in: rows.map((row) => row.id) } });
  }

  latestPublished(workspaceId: string, appId: string): Promise<WorkflowVersion | null> {
    return this.em.findOne(WorkflowVersion, { workspaceId, appId, version: { $gt: DRAFT_VERSION } }, { orderBy: { version: 'desc' } });
  }

  /** Versions newest first (the draft, version 0, excluded). */
  pageVersions(workspaceId: string, appId: string, limit: number, after?: Position): Promise<WorkflowVersion[]> {
    const conditions: FilterQuery<WorkflowVersion>[] = [{ workspaceId, appId, version: { $gt: DRAFT_VERSION } }];
    if (after) conditions.push(beforePosition(after));
    return this.em.find(WorkflowVersion, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  countVersions(workspaceId: string, appId: string): Promise<number> {
    return this.em.count(WorkflowVersion, { workspaceId, appId, version: { $gt: DRAFT_VERSION } });
  }

  async saveDraft(workspaceId: string, appId: string, graph: WorkflowGraph, userId: string | null): Promise<WorkflowVersion> {
    const existing = await this.version(workspaceId, appId, DRAFT_VERSION);
    if (existing) {
      existing.graph = graph;
      existing.updatedAt = new Date();
      await this.em.flush();
      return existing;
    }
    const draft = this.em.create(WorkflowVersion, { workspaceId, appId, version: DRAFT_VERSION, graph, createdBy: userId });
    await flushOrConflict(this.em, () => new ConflictError('The draft was saved concurrently: try again'));
    return draft;
  }

  /** The next version number, taken under a unique index: two concurrent publishes cannot share one. */
  async publish(workspaceId: string, appId: string, graph: WorkflowGraph, userId: string | null): Promise<WorkflowVersion> {
    const latest = await this.latestPublished(workspaceId, appId);
    const version = this.em.create(WorkflowVersion, { workspaceId, appId, version: (latest?.version ?? 0) + 1, graph, createdBy: userId });
    await flushOrConflict(this.em, () => new ConflictError('Another version was published at the same time: try again'));
    return version;
  }

  runsByIds(workspaceId: string, ids: readonly string[]): Promise<WorkflowRun[]> {
    return this.em.find(WorkflowRun, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  /** Newest first. */
  pageRuns(filter: RunFilter, limit: number, after?: Position): Promise<WorkflowRun[]> {
    const conditions: FilterQuery<WorkflowRun>[] = [runWhere(filter)];
    if (after) conditions.push(beforePosition(after));
    return this.em.find(WorkflowRun, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  countRuns(filter: RunFilter): Promise<number> {
    return this.em.count(WorkflowRun, runWhere(filter));
  }

  /** In execution order. */
  pageNodeExecutions(filter: NodeExecutionFilter, limit: number, after?: Position): Promise<NodeExecution[]> {
    const conditions: FilterQuery<NodeExecution>[] = [nodeWhere(filter)];
    if (after) conditions.push(afterPosition(after));
    return this.em.find(NodeExecution, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  countNodeExecutions(filter: NodeExecutionFilter): Promise<number> {
    return this.em.count(NodeExecution, nodeWhere(filter));
  }

  /**
   * Records a QUEUED run unless the app already has `maxActive` runs queued or running.
   * Serialised per app by an advisory lock, so concurrent starts cannot both squeeze in.
   */
  async insertRunWithin(run: WorkflowRun, maxActive: number | null): Promise<boolean> {
    return this.em.transactional(async (tx) => {
      if (maxActive !== null) {
        await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`workflow-runs:${run.appId}`]);
        const active = await tx.count(WorkflowRun, { appId: run.appId, status: { $in: ['QUEUED', 'RUNNING'] } });
        if (active >= maxActive) return false;
      }
      tx.persist(run);
      return true;
    });
  }

  async createToolProvider(data: { workspaceId: string; name: string; description: string; definition: WorkflowProviderDefinition; createdBy: string | null }): Promise<ToolProviderRecord> {
    const record = this.em.create(ToolProviderRecord, { ...data, kind: 'WORKFLOW', tags: ['workflow'] });
    await flushOrConflict(this.em, () => new ConflictError('A tool provider with this name exists in this workspace', { field: 'name' }));
    return record;
  }

  /** Points the app's WORKFLOW tools at its newly published inputs (and a new runtime version). */
  async refreshToolParameters(workspaceId: string, appId: string, parameters: ToolParameter[]): Promise<void> {
    await this.em.execute(
      `update tool_providers set definition = jsonb_set(definition, '{workflow,parameters}', ?::jsonb), updated_at = ?
        where workspace_id = ? and kind = 'WORKFLOW' and definition->'workflow'->>'appId' = ?`,
      [JSON.stringify(parameters), new Date(), workspaceId, appId],
    );
  }
}
