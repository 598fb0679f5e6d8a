import { loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { ExtensionManager } from './extension-manager.js';

export type ExtensionLoaders = ReturnType<typeof createExtensionLoaders>;

export function createExtensionLoaders(extensions: ExtensionManager, options?: LoaderOptions) {
  return {
    /** Extensions of the viewer's workspace; others load as null. */
    extension: loaderBy((ids: readonly string[]) => extensions.byIds(ids), (record) => record.id, options),
  };
}
