import type { ToolInvocation, ToolMessage } from '../tools/tool.types.js';
import type { WorkflowProviderDefinition, WorkflowToolHost } from '../tools/workflow/workflow-tools.js';
import { NodeFailedError, WorkflowDepthError } from './engine/engine.errors.js';
import { currentRun } from './engine/run-executor.js';
import type { WorkflowEngine } from './workflow-engine.js';
import type { WorkflowService } from './workflow.service.js';

/**
 * Runs WORKFLOW tools: each call is a child run of the app's published workflow, executed
 * right here within the call (its time limit and cancellation apply) rather than queued.
 * Inside a run, the child is one level deeper; past the configured depth the call fails
 * WORKFLOW_DEPTH_EXCEEDED, so a workflow calling itself stops.
 */
export class WorkflowToolRunner implements WorkflowToolHost {
  constructor(
    private readonly engine: WorkflowEngine,
    /** The workflow service acting for a workspace (runs are started as the workspace, in the caller's key scope). */
    private readonly serviceFor: (workspaceId: string, apiKey: { id: string; appId: string | null } | null) => WorkflowService,
  ) {}

  async *run(definition: WorkflowProviderDefinition, invocation: ToolInvocation): AsyncIterable<ToolMessage> {
    const parent = currentRun.getStore();
    const depth = parent ? parent.depth + 1 : 0;
    const { maxDepth } = this.engine.settings;
    if (depth > maxDepth) throw new WorkflowDepthError(`Workflows called as tools nest at most ${maxDepth} deep`, { maxDepth });
    const service = this.serviceFor(invocation.workspaceId, invocation.caller?.apiKey ?? null);
    const run = await service.startRun({ appId: definition.workflow.appId, inputs: invocation.parameters }, { depth, parentRunId: parent?.runId, inline: true });
    const outcome = await this.engine.execute(run.id, invocation.signal);
    if (!outcome || outcome.status !== 'SUCCEEDED') {
      const error = outcome?.error ?? { code: 'STOPPED', message: 'The workflow run was stopped' };
      throw new NodeFailedError(error.code, error.message, { runId: run.id });
    }
    const outputs = outcome.outputs ?? {};
    // A workflow answering one text (the usual "answer") gives it as the tool's text too.
    const texts = Object.values(outputs).filter((value): value is string => typeof value === 'string');
    if (texts.length === 1) yield { type: 'TEXT', text: texts[0]! };
    yield { type: 'JSON', json: outputs };
  }
}
