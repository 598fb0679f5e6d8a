import { loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { AppService } from './app.service.js';

export type AppLoaders = ReturnType<typeof createAppLoaders>;

export function createAppLoaders(apps: AppService, options?: LoaderOptions) {
  return {
    /** Only apps in the viewer's scope; others load as null. */
    app: loaderBy((ids: readonly string[]) => apps.appsByIds(ids), (app) => app.id, options),
  };
}
