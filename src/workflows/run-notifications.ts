import { App } from '../apps/app.entity.js';
import { createServices, type Deps } from '../context.js';
import { User } from '../identity/identity.entities.js';
import type { RunOutcome } from './engine/run-executor.js';
import { runViewer } from './run-services.js';
import type { WorkflowRun } from './workflow.entities.js';

/** A WORKFLOW app's `config.runNotifications`: which ended runs mail the user who started them. */
export const RUN_NOTIFICATIONS = ['OFF', 'FAILURES', 'ALL'] as const;
export type RunNotifications = (typeof RUN_NOTIFICATIONS)[number];

function wanted(setting: RunNotifications, status: RunOutcome['status']): boolean {
  if (status === 'SUCCEEDED') return setting === 'ALL';
  return status === 'FAILED' && setting !== 'OFF';
}

/**
 * Mails the user who started a run how it ended, when the app opted in. Runs started with an
 * API key or by a WORKFLOW tool (nested) mail no one. Never fails the run: errors are logged,
 * send limits drop the notice, and the idempotency key makes a repeat harmless.
 */
export async function notifyRunEnded(deps: Deps, run: WorkflowRun, outcome: RunOutcome): Promise<void> {
  if (!outcome.recorded || run.depth > 0 || !run.userId || outcome.status === 'STOPPED') return;
  const log = deps.log.child({ runId: run.id });
  try {
    const em = deps.orm.em.fork();
    const app = await em.findOne(App, { id: run.appId });
    const setting = (app?.config.runNotifications as RunNotifications | undefined) ?? 'OFF';
    if (!app || !wanted(setting, outcome.status)) return;
    const user = await em.findOne(User, { id: run.userId });
    if (!user) return;
    const runUrl = `${deps.mail.webUrl()}/workflow-runs/${run.id}`;
    const common = { appName: app.name, runId: run.id, runUrl };
    const message =
      outcome.status === 'SUCCEEDED'
        ? ({ template: 'workflow_run_finished', variables: common } as const)
        : ({ template: 'workflow_run_failed', variables: { ...common, error: outcome.error?.message } } as const);
    await createServices(deps, runViewer(run.workspaceId), log).mail.send(
      [{ ...message, to: { email: user.email, name: user.name }, language: user.language, workspaceId: run.workspaceId, idempotencyKey: `workflow_run:${run.id}` }],
      'drop',
    );
  } catch (error) {
    log.warn({ err: { message: (error as Error).message } }, 'workflow run notice not queued');
  }
}
