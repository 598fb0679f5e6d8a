import { loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { ToolManager } from './tool-manager.js';
import type { ToolService } from './tool.service.js';

export type ToolLoaders = ReturnType<typeof createToolLoaders>;

export function createToolLoaders(manager: ToolManager, tools: ToolService, options?: LoaderOptions) {
  return {
    /** Providers of the viewer's workspace (and `builtin`); others load as null. */
    provider: loaderBy((ids: readonly string[]) => manager.providersByIds(ids), (provider) => provider.id, options),
    /** The name of a marketplace listing's publishing workspace. */
    publisherName: loaderBy((ids: readonly string[]) => tools.publisherNames(ids), (row) => row.id, options),
  };
}
