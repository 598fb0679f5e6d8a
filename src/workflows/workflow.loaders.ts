import { loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { WorkflowService } from './workflow.service.js';

export type WorkflowLoaders = ReturnType<typeof createWorkflowLoaders>;

export function createWorkflowLoaders(workflows: WorkflowService, options?: LoaderOptions) {
  return {
    /** By app ID. */
    draft: loaderBy((appIds: readonly string[]) => workflows.draftsOf(appIds), (version) => version.appId, options),
    /** The latest published version, by app ID. */
    published: loaderBy((appIds: readonly string[]) => workflows.publishedOf(appIds), (version) => version.appId, options),
    /** Runs of the viewer's workspace (and app, for app-scoped keys); others load as null. */
    run: loaderBy((ids: readonly string[]) => workflows.runsByIds(ids), (run) => run.id, options),
  };
}
