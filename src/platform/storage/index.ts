import { AzureStorage, containerInSasUrl } from './azure.storage.js';
import { LocalStorage } from './local.storage.js';
import { S3Storage } from './s3.storage.js';
import { assertValidPrefix, type AzureStorageConfig, type S3StorageConfig, type Storage, type StorageConfig } from './storage.js';
import { invalidConfig } from '../../errors.js';

export { AzureStorage } from './azure.storage.js';
export { LocalStorage } from './local.storage.js';
export { S3Storage } from './s3.storage.js';
export * from './storage.js';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkPageSize(value: number | undefined, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > max)) {
    throw invalidConfig(`storage list page size must be an integer from 1 to ${max}`);
  }
}

function checkPrefix(value: string | undefined, setting: string): void {
  if (value === undefined || value === '') return;
  try {
    // A folder of safe segments: the same rules as keys, '/' at the end allowed.
    assertValidPrefix(value);
  } catch {
    throw invalidConfig(`${setting} must be a relative folder like "plugboard/"`);
  }
}

function validateS3(config: S3StorageConfig): void {
  if (!config.bucket?.trim()) throw invalidConfig('PLUGBOARD_S3_BUCKET is required when PLUGBOARD_STORAGE=s3');
  if (!config.region?.trim()) throw invalidConfig('PLUGBOARD_S3_REGION is required when PLUGBOARD_STORAGE=s3');
  if (config.endpoint !== undefined && !isHttpUrl(config.endpoint)) {
    throw invalidConfig('PLUGBOARD_S3_ENDPOINT must be an http:// or https:// URL');
  }
  if (Boolean(config.accessKeyId) !== Boolean(config.secretAccessKey)) {
    throw invalidConfig(
      config.accessKeyId
        ? 'PLUGBOARD_S3_SECRET_ACCESS_KEY is required when PLUGBOARD_S3_ACCESS_KEY_ID is set'
        : 'PLUGBOARD_S3_ACCESS_KEY_ID is required when PLUGBOARD_S3_SECRET_ACCESS_KEY is set',
    );
  }
  checkPrefix(config.prefix, 'the S3 key prefix');
  checkPageSize(config.listPageSize, 1000);
}

function validateAzure(config: AzureStorageConfig): void {
  const forms = [config.connectionString, config.accountName || config.accountKey, config.sasUrl].filter(Boolean).length;
  if (forms === 0) {
    throw invalidConfig(
      'PLUGBOARD_AZURE_CONNECTION_STRING, PLUGBOARD_AZURE_ACCOUNT with PLUGBOARD_AZURE_ACCOUNT_KEY, or PLUGBOARD_AZURE_SAS_URL is required when PLUGBOARD_STORAGE=azure',
    );
  }
  if (forms > 1) {
    throw invalidConfig(
      'set only one of PLUGBOARD_AZURE_CONNECTION_STRING, PLUGBOARD_AZURE_ACCOUNT (with PLUGBOARD_AZURE_ACCOUNT_KEY) and PLUGBOARD_AZURE_SAS_URL',
    );
  }
  if (config.accountName && !config.accountKey) {
    throw invalidConfig('PLUGBOARD_AZURE_ACCOUNT_KEY is required when PLUGBOARD_AZURE_ACCOUNT is set');
  }
  if (config.accountKey && !config.accountName) {
    throw invalidConfig('PLUGBOARD_AZURE_ACCOUNT is required when PLUGBOARD_AZURE_ACCOUNT_KEY is set');
  }
  if (config.accountName && !/^[a-z0-9]{3,24}$/.test(config.accountName)) {
    throw invalidConfig('PLUGBOARD_AZURE_ACCOUNT must be 3 to 24 lower-case letters and digits');
  }
  let containerInUrl = false;
  if (config.sasUrl) {
    if (!isHttpUrl(config.sasUrl) || !new URL(config.sasUrl).searchParams.has('sig')) {
      throw invalidConfig('PLUGBOARD_AZURE_SAS_URL must be an https:// URL with a SAS token (…?sv=…&sig=…)');
    }
    const inUrl = containerInSasUrl(config.sasUrl);
    containerInUrl = inUrl !== null;
    if (inUrl !== null && config.container && inUrl !== config.container) {
      throw invalidConfig('PLUGBOARD_AZURE_CONTAINER does not match the container in PLUGBOARD_AZURE_SAS_URL');
    }
  }
  if (!containerInUrl && !config.container?.trim()) throw invalidConfig('PLUGBOARD_AZURE_CONTAINER is required when PLUGBOARD_STORAGE=azure');
  if (config.container && !/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(config.container)) {
    throw invalidConfig('PLUGBOARD_AZURE_CONTAINER must be 3 to 63 lower-case letters, digits and single hyphens');
  }
  checkPrefix(config.prefix, 'the Azure blob prefix');
  checkPageSize(config.listPageSize, 5000);
}

/** The storage driver `config` selects; throws one clear line when a required setting is missing. */
export function createStorage(config: StorageConfig): Storage {
  switch (config.driver) {
    case 'local':
      if (!config.root?.trim()) throw invalidConfig('a storage folder (under PLUGBOARD_DATA_DIR) is required when PLUGBOARD_STORAGE=local');
      return new LocalStorage(config.root);
    case 's3':
      validateS3(config);
      return new S3Storage(config);
    case 'azure': {
      validateAzure(config);
      try {
        return new AzureStorage(config);
      } catch {
        // The SDK's message may quote the connection string, account key included.
        throw invalidConfig(
          config.connectionString
            ? 'PLUGBOARD_AZURE_CONNECTION_STRING is not a valid Azure Storage connection string'
            : 'the Azure storage settings could not be used (check PLUGBOARD_AZURE_ACCOUNT, PLUGBOARD_AZURE_SAS_URL)',
        );
      }
    }
    default:
      throw invalidConfig(`PLUGBOARD_STORAGE must be local, s3 or azure`);
  }
}
