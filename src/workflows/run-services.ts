import { createServices, type Deps } from '../context.js';
import type { Viewer } from '../identity/viewer.js';
import { limitedHttp } from '../tools/tool-runtime.js';
import type { CodeRunner } from './code/code-runner.js';
import { NodeFailedError } from './engine/engine.errors.js';
import type { NodeServices } from './engine/node-services.js';
import type { WorkflowRun } from './workflow.entities.js';

/**
 * Who a run acts as once it executes (perhaps in another process, long after the request):
 * its workspace, as an EDITOR — enough to call tools and extensions, not to manage anything.
 * Starting the run required the caller's own role. A run started with an API key keeps the
 * key, so a key limited to one app stays limited (no extensions, no other app's workflow).
 */
export function runViewer(workspaceId: string, apiKey: { id: string; appId: string | null } | null = null): Viewer {
  return { user: null, sessionId: null, apiKey, workspace: { id: workspaceId, role: 'EDITOR' } };
}

/** The key a run was started with, with its app scope (looked up once per run). */
async function keyOf(deps: Deps, run: WorkflowRun, apiKeyId: string): Promise<{ id: string; appId: string | null }> {
  const [row] = await deps.orm.em.getConnection().execute<{ app_id: string | null }[]>('select app_id from api_keys where id = ?', [apiKeyId]);
  // A key gone meanwhile gets the strictest reading: limited to the run's own app.
  return { id: apiKeyId, appId: row ? row.app_id : run.appId };
}

/** What a run's nodes call, bound to its workspace. Each call gets its own unit of work: parallel nodes must not share one. */
export function nodeServicesFor(deps: Deps, code: CodeRunner, run: WorkflowRun): NodeServices {
  const log = deps.log.child({ runId: run.id });
  let key: Promise<{ id: string; appId: string | null } | null> | undefined;
  const services = async () => {
    key ??= run.apiKeyId ? keyOf(deps, run, run.apiKeyId) : Promise.resolve(null);
    return createServices(deps, runViewer(run.workspaceId, await key), log);
  };
  return {
    invokeTool: async (toolId, parameters, signal) => (await services()).toolManager.invoke(toolId, parameters, signal),
    executeExtension: async (request, signal) => (await services()).extensions.execute({ extensionId: request.extensionId, point: request.point ?? null, input: request.input }, signal),
    http: limitedHttp(deps.tools.http, { ...deps.config.outbound, totalTimeoutMs: deps.config.workflows.nodeTimeoutMs }),
    runCode: async (source, inputs, options) => {
      // A graph saved before CODE nodes were turned off does not run them either.
      if (!deps.config.workflows.codeNodes) throw new NodeFailedError('CODE_DISABLED', 'CODE nodes are turned off on this server');
      return code.run(run.workspaceId, source, inputs, options);
    },
  };
}
