import type { AppService } from '../apps/app.service.js';
import type { App } from '../apps/app.entity.js';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors.js';
import type { ExtensionManager } from '../extensions/extension-manager.js';
import { moduleInfo } from '../extensions/extension-modules.js';
import { requireWorkspaceRole, type Viewer } from '../identity/viewer.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import { checkName, checkText, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ToolManager } from '../tools/tool-manager.js';
import { parseToolId } from '../tools/tool-ids.js';
import type { ToolProviderRecord } from '../tools/tool.entities.js';
import type { ToolDefinition, ToolParameter } from '../tools/tool.types.js';
import { checkGraph, checkStartInputs, WorkflowInvalidError } from './graph/graph-validation.js';
import { parseGraph } from './graph/graph.schema.js';
import type { StartInput, StartNode, WorkflowGraph, WorkflowNode } from './graph/graph.types.js';
import type { GraphCatalog } from './graph/variables.js';
import { followRun } from './runs/run-follower.js';
import { EVENTS_PER_READ } from './runs/run-store.js';
import { isFinalEvent, type WorkflowEvent } from './runs/run-events.js';
import type { WorkflowEngine } from './workflow-engine.js';
import { DRAFT_VERSION, FINAL_RUN_STATUSES, NODE_STATUSES, RUN_STATUSES, WorkflowRun, type NodeExecution, type WorkflowVersion } from './workflow.entities.js';
import type { WorkflowRepository } from './workflow.repository.js';

export interface StartRunInput {
  appId: string;
  inputs?: unknown;
  /** Run the draft instead of the latest published version (EDITORs, to try changes). */
  draft?: boolean | null;
}

export interface RunFilterInput {
  appId?: string | null;
  status?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

const PARAMETER_TYPE_OF_INPUT: Record<StartInput['type'], ToolParameter['type']> = {
  TEXT: 'STRING',
  PARAGRAPH: 'STRING',
  NUMBER: 'NUMBER',
  SELECT: 'SELECT',
  // A file is passed by its ID: tool FILE parameters carry content, which a run does not take.
  FILE: 'STRING',
  JSON: 'OBJECT',
};

/** A WORKFLOW tool's parameters: the START node's inputs. */
export function toolParametersOf(start: StartNode): ToolParameter[] {
  return start.data.inputs.map((input) => ({
    name: input.name,
    type: PARAMETER_TYPE_OF_INPUT[input.type],
    required: input.required,
    description: input.label ?? input.name,
    ...(input.default !== undefined ? { default: input.default } : {}),
    ...(input.options ? { options: input.options } : {}),
  }));
}

/** Every node of a graph, sub-graphs included. */
export function allNodes(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return nodes.flatMap((node) => (node.type === 'ITERATION' ? [node, ...allNodes(node.data.nodes)] : [node]));
}

export function startNodeOf(graph: WorkflowGraph): StartNode {
  return graph.nodes.find((node): node is StartNode => node.type === 'START')!;
}

/**
 * Workflows of the viewer's workspace: drafts (validated at save), published versions, runs
 * (started, stopped, listed, followed). Another workspace's apps and runs are NOT_FOUND.
 */
export class WorkflowService {
  constructor(
    private readonly repo: WorkflowRepository,
    private readonly viewer: Viewer | null,
    private readonly apps: AppService,
    private readonly tools: ToolManager,
    private readonly extensions: ExtensionManager,
    private readonly engine: WorkflowEngine,
    private readonly pubsub: PubSub,
  ) {}

  private workspace(minimum: 'MEMBER' | 'EDITOR') {
    return requireWorkspaceRole(this.viewer, minimum);
  }

  /** The app, which must be a WORKFLOW app (apps service enforces tenancy and app-scoped keys). */
  async workflowApp(appId: string): Promise<App> {
    const app = await this.apps.getApp(appId);
    if (app.mode !== 'WORKFLOW') throw new ValidationError(`App ${app.name} is a ${app.mode} app, not a WORKFLOW app`, { field: 'appId' });
    return app;
  }

  draftsOf(appIds: readonly string[]): Promise<WorkflowVersion[]> {
    return this.repo.draftsOf(this.workspace('MEMBER').id, appIds);
  }

  publishedOf(appIds: readonly string[]): Promise<WorkflowVersion[]> {
    return this.repo.latestPublishedOf(this.workspace('MEMBER').id, appIds);
  }

  async versions(app: App, first: number, after?: string | null): Promise<Page<WorkflowVersion>> {
    const size = checkPageSize(first);
    const workspaceId = this.workspace('MEMBER').id;
    const [rows, total] = await Promise.all([this.repo.pageVersions(workspaceId, app.id, size + 1, after ? decodeCursor(after) : undefined), this.repo.countVersions(workspaceId, app.id)]);
    return toPage(rows, size, total, after);
  }

  /** The tools and extensions a graph names, as validation needs them; unknown ones are left out (and reported). */
  async catalogFor(graph: WorkflowGraph): Promise<GraphCatalog> {
    const nodes = allNodes(graph.nodes);
    const tools = new Map<string, ToolDefinition>();
    const wanted = [...new Set(nodes.flatMap((node) => (node.type === 'TOOL' ? [node.data.toolId] : [])))].flatMap((id) => {
      const parsed = parseToolId(id);
      return parsed ? [{ id, ...parsed }] : [];
    });
    // Every provider the graph names in one query.
    const providers = new Map((await this.tools.providersByIds([...new Set(wanted.map((tool) => tool.providerId))])).map((provider) => [provider.id, provider]));
    for (const { id, providerId, toolName } of wanted) {
      const provider = providers.get(providerId);
      const tool = provider && this.tools.toolsOf(provider).find((candidate) => candidate.definition.name === toolName);
      if (tool) tools.set(id, tool.definition);
    }
    const extensions = new Map<string, { points: string[] }>();
    const extensionIds = [...new Set(nodes.flatMap((node) => (node.type === 'EXTENSION' ? [node.data.extensionId] : [])))];
    for (const record of await this.extensions.byIds(extensionIds)) {
      if (record.enabled) extensions.set(record.id, { points: moduleInfo(record.module).points.map((point) => point.name) });
    }
    return { tools, extensions };
  }

  private async validated(raw: unknown): Promise<WorkflowGraph> {
    const graph = parseGraph(raw);
    if (!this.engine.settings.codeNodes) {
      const code = allNodes(graph.nodes).filter((node) => node.type === 'CODE');
      if (code.length > 0) throw new WorkflowInvalidError(code.map((node) => ({ nodeId: node.id, message: 'CODE nodes are turned off on this server (PLUGBOARD_WORKFLOW_CODE_NODES)' })));
    }
    checkGraph(graph, await this.catalogFor(graph));
    return graph;
  }

  async saveDraft(appId: string, raw: unknown): Promise<WorkflowVersion> {
    const { id: workspaceId } = this.workspace('EDITOR');
    const app = await this.workflowApp(appId);
    const graph = await this.validated(raw);
    return this.repo.saveDraft(workspaceId, app.id, graph, this.viewer?.user?.id ?? null);
  }

  /** Publishes the draft as the next version, checked again (a tool it uses may be gone since). */
  async publish(appId: string): Promise<WorkflowVersion> {
    const { id: workspaceId } = this.workspace('EDITOR');
    const app = await this.workflowApp(appId);
    const draft = await this.repo.version(workspaceId, app.id, DRAFT_VERSION);
    if (!draft) throw new ConflictError('The app has no draft to publish: save one first', { appId });
    const graph = await this.validated(draft.graph);
    const version = await this.repo.publish(workspaceId, app.id, graph, this.viewer?.user?.id ?? null);
    await this.repo.refreshToolParameters(workspaceId, app.id, toolParametersOf(startNodeOf(graph)));
    return version;
  }

  /** Offers the app's published workflow as a WORKFLOW tool provider with one tool. */
  async createToolProvider(input: { appId: string; name: string; description?: string | null; toolName?: string | null }): Promise<ToolProviderRecord> {
    const { id: workspaceId } = this.workspace('EDITOR');
    const app = await this.workflowApp(input.appId);
    const published = await this.repo.latestPublished(workspaceId, app.id);
    if (!published) throw new ConflictError('Publish the workflow before offering it as a tool', { appId: app.id });
    const toolName = input.toolName ?? 'run';
    if (!TOOL_NAME.test(toolName)) throw new ValidationError('toolName takes 1 to 128 of A-Z a-z 0-9 _ . -', { field: 'toolName' });
    const description = checkText(input.description ?? app.description, 'description', 2_000);
    return this.repo.createToolProvider({
      workspaceId,
      name: checkName(input.name, 'name', 100),
      description,
      definition: { workflow: { appId: app.id, toolName, description: description || `Runs the workflow ${app.name}`, parameters: toolParametersOf(startNodeOf(published.graph)) } },
      createdBy: this.viewer?.user?.id ?? null,
    });
  }

  /** Records a run and queues it; RATE_LIMITED when the app has its maximum of active runs. */
  /**
   * `inline`: the caller executes the run itself (a WORKFLOW tool) instead of queueing it.
   * `parentRunId`: started inside that run, which holds the app's slot already.
   */
  async startRun(input: StartRunInput, options: { depth?: number; parentRunId?: string; inline?: boolean } = {}): Promise<WorkflowRun> {
    const { id: workspaceId } = this.workspace(input.draft ? 'EDITOR' : 'MEMBER');
    const app = await this.workflowApp(input.appId);
    const version = input.draft ? await this.repo.version(workspaceId, app.id, DRAFT_VERSION) : await this.repo.latestPublished(workspaceId, app.id);
    if (!version) throw new ConflictError(input.draft ? 'The app has no draft: save one first' : 'The app has no published workflow: publish it first', { appId: app.id });
    const inputs = checkStartInputs(startNodeOf(version.graph), input.inputs ?? {});
    const run = new WorkflowRun();
    Object.assign(run, {
      workspaceId,
      appId: app.id,
      version: version.version,
      graph: version.graph,
      status: 'QUEUED',
      inputs,
      depth: options.depth ?? 0,
      parentRunId: options.parentRunId ?? null,
      userId: this.viewer?.user?.id ?? null,
      apiKeyId: this.viewer?.apiKey?.id ?? null,
      createdAt: new Date(),
      enqueuedAt: new Date(),
    });
    // Runs started by a WORKFLOW tool execute inside their parent's slot: counting them could deadlock the app.
    const ceiling = this.engine.settings.maxActiveRuns;
    // An app may ask for fewer active runs than the server allows, never more.
    const limit = options.parentRunId ? null : Math.min((app.config.maxActiveRuns as number | undefined) ?? ceiling, ceiling);
    if (!(await this.repo.insertRunWithin(run, limit))) {
      throw new RateLimitedError(`App ${app.name} already has ${limit} runs queued or running: wait for one to finish`, 5);
    }
    if (!options.inline) await this.engine.enqueue(run.id);
    return run;
  }

  async runsByIds(ids: readonly string[]): Promise<WorkflowRun[]> {
    const { id: workspaceId } = this.workspace('MEMBER');
    const onlyApp = this.viewer?.apiKey?.appId ?? null;
    const runs = await this.repo.runsByIds(workspaceId, ids);
    return onlyApp ? runs.filter((run) => run.appId === onlyApp) : runs;
  }

  async getRun(id: string): Promise<WorkflowRun> {
    const [run] = await this.runsByIds([id]);
    if (!run) throw new NotFoundError('Workflow run not found', { id });
    return run;
  }

  async listRuns(first: number, after: string | null | undefined, filter: RunFilterInput = {}): Promise<Page<WorkflowRun>> {
    const size = checkPageSize(first);
    const { id: workspaceId } = this.workspace('MEMBER');
    const onlyApp = this.viewer?.apiKey?.appId ?? null;
    if (onlyApp && filter.appId && filter.appId !== onlyApp) return toPage([], size, 0, after);
    const query = {
      workspaceId,
      appId: onlyApp ?? filter.appId ?? null,
      status: filter.status ? oneOf(RUN_STATUSES, filter.status, 'status') : null,
      createdAfter: filter.createdAfter ?? null,
      createdBefore: filter.createdBefore ?? null,
    };
    const [rows, total] = await Promise.all([this.repo.pageRuns(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.countRuns(query)]);
    return toPage(rows, size, total, after);
  }

  async nodeExecutions(run: WorkflowRun, first: number, after: string | null | undefined, filter: { status?: string | null; nodeId?: string | null } = {}): Promise<Page<NodeExecution>> {
    const size = checkPageSize(first);
    const query = { runId: run.id, status: filter.status ? oneOf(NODE_STATUSES, filter.status, 'status') : null, nodeId: filter.nodeId ?? null };
    const [rows, total] = await Promise.all([this.repo.pageNodeExecutions(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.countNodeExecutions(query)]);
    return toPage(rows, size, total, after);
  }

  /** Events recorded so far after `afterSequence` (at most `first`, up to 100: each may be large). */
  async recordedEvents(run: WorkflowRun, afterSequence: number, first: number): Promise<WorkflowEvent[]> {
    if (!Number.isInteger(afterSequence) || afterSequence < 0) throw new ValidationError('afterSequence must be a whole number from 0', { argument: 'afterSequence' });
    if (!Number.isInteger(first) || first < 0 || first > EVENTS_PER_READ) throw new ValidationError(`first must be between 0 and ${EVENTS_PER_READ}`, { argument: 'first' });
    return first === 0 ? [] : this.engine.store.eventsAfter(run.id, afterSequence, first);
  }

  /** Stops a run: at once when still queued, else its executor stops it (and the tool calls in flight). */
  async stopRun(id: string): Promise<WorkflowRun> {
    const run = await this.getRun(id);
    if ((FINAL_RUN_STATUSES as readonly string[]).includes(run.status)) return run;
    // Not started yet: ended here. Running: its executor stops it, wherever it is.
    const stoppedQueued = await this.engine.stopQueued(run.id);
    if (!stoppedQueued && (await this.engine.store.requestStop(run.id))) await this.engine.requestStop(run.id);
    return (await this.engine.store.findRun(run.id)) ?? run;
  }

  /** The run's events after `afterSequence`: stored ones, then live ones, until the run ends. */
  async follow(id: string, afterSequence = 0): Promise<AsyncIterableIterator<WorkflowEvent>> {
    if (!Number.isInteger(afterSequence) || afterSequence < 0) throw new ValidationError('afterSequence must be a whole number from 0', { argument: 'afterSequence' });
    const run = await this.getRun(id);
    return followRun(run.id, afterSequence, this.engine.store, this.pubsub);
  }

  /** Waits for the run to end (blocking mode) and returns it as stored. */
  async waitFor(run: WorkflowRun, signal?: AbortSignal): Promise<WorkflowRun> {
    const events = followRun(run.id, 0, this.engine.store, this.pubsub);
    const stop = () => void events.return?.();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const event of events) if (isFinalEvent(event)) break;
    } finally {
      signal?.removeEventListener('abort', stop);
      await events.return?.();
    }
    return (await this.engine.store.findRun(run.id)) ?? run;
  }
}
