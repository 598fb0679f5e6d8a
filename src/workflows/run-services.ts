import { createServices, type Deps } from '../context.js';
import type { Viewer } from '../identity/viewer.js';
import { limitedHttp } from '../tools/tool-runtime.js';
import type { CodeRunner } from './code/code-runner.js';
import type { NodeServices } from './engine/node-services.js';
import type { WorkflowRun } from './workflow.entities.js';

/**
 * Who a run acts as once it executes (perhaps in another process, long after the request):
 * its workspace, as an EDITOR — enough to call tools and extensions, not to manage anything.
 * Starting the run required the caller's own role.
 */
export function runViewer(workspaceId: string): Viewer {
  return { user: null, sessionId: null, apiKey: null, workspace: { id: workspaceId, role: 'EDITOR' } };
}

/** What a run's nodes call, bound to its workspace. Each call gets its own unit of work: parallel nodes must not share one. */
export function nodeServicesFor(deps: Deps, code: CodeRunner, run: WorkflowRun): NodeServices {
  const log = deps.log.child({ runId: run.id });
  const services = () => createServices(deps, runViewer(run.workspaceId), log);
  return {
    invokeTool: (toolId, parameters, signal) => services().toolManager.invoke(toolId, parameters, signal),
    executeExtension: (request, signal) => services().extensions.execute({ extensionId: request.extensionId, point: request.point ?? null, input: request.input }, signal),
    http: limitedHttp(deps.tools.http, { ...deps.config.outbound, totalTimeoutMs: deps.config.workflows.nodeTimeoutMs }),
    runCode: (source, inputs, options) => code.run(run.workspaceId, source, inputs, options),
  };
}
