import { loaderBy, type LoaderOptions } from '../shared/loader.js';
import type { FileService } from './file.service.js';

export type FileLoaders = ReturnType<typeof createFileLoaders>;

export function createFileLoaders(files: FileService, options?: LoaderOptions) {
  return {
    /** READY files of the viewer's workspace; others load as null. */
    file: loaderBy((ids: readonly string[]) => files.filesByIds(ids), (file) => file.id, options),
  };
}
