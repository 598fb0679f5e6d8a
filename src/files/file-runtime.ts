import type { FilesConfig } from '../config.js';
import type { Storage } from '../platform/storage/storage.js';
import type { FileUrlSigner } from './file-urls.js';

/** What the files domain shares across requests: built once per process in createApp. */
export interface FileRuntime {
  storage: Storage;
  signer: FileUrlSigner;
  config: FilesConfig;
}
