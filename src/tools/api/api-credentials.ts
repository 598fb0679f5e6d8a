import { ValidationError } from '../../errors.js';
import { maskSecret, mergeSecrets } from '../../platform/secrets/mask.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { isStorableText } from '../../shared/input.js';
import type { ApiAuth } from '../openapi/index.js';

export const CREDENTIAL_FIELDS = ['apiKey', 'username', 'password', 'token'] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number];
export type ApiCredentials = Partial<Record<CredentialField, string>>;
export type ApiCredentialsInput = Partial<Record<CredentialField, string | null>>;

/** Which stored values each auth type sends. */
const NEEDED: Record<ApiAuth['type'], CredentialField[]> = {
  NONE: [],
  API_KEY_HEADER: ['apiKey'],
  API_KEY_QUERY: ['apiKey'],
  BASIC: ['username', 'password'],
  BEARER: ['token'],
};

const sealContext = (providerId: string) => `tool_provider:${providerId}`;

/** Credential values as sent: text of at most 4096 characters without line breaks (they end up in headers). */
export function checkCredentialsInput(input: ApiCredentialsInput | null | undefined): ApiCredentialsInput {
  const checked: ApiCredentialsInput = {};
  for (const field of CREDENTIAL_FIELDS) {
    const value = input?.[field];
    if (value == null) continue;
    if (value.length > 4096 || /[\r\n]/.test(value) || !isStorableText(value)) {
      throw new ValidationError(`credentials.${field} must be at most 4096 characters without line breaks`, { field: `credentials.${field}` });
    }
    checked[field] = value;
  }
  return checked;
}

export function mergeCredentials(stored: ApiCredentials, incoming: ApiCredentialsInput): ApiCredentials {
  return mergeSecrets(stored as Record<string, string>, incoming) as ApiCredentials;
}

export function sealCredentials(box: SecretBox, providerId: string, credentials: ApiCredentials): string | null {
  return Object.keys(credentials).length === 0 ? null : box.seal(JSON.stringify(credentials), sealContext(providerId));
}

export function openCredentials(box: SecretBox, providerId: string, sealed: string | null): ApiCredentials {
  return sealed ? (JSON.parse(box.open(sealed, sealContext(providerId))) as ApiCredentials) : {};
}

export function maskCredentials(credentials: ApiCredentials): ApiCredentials {
  return Object.fromEntries(Object.entries(credentials).map(([field, value]) => [field, maskSecret(value)]));
}

/** The values the auth type needs, or BAD_USER_INPUT naming the first one missing. */
export function credentialsFor(auth: ApiAuth, credentials: ApiCredentials): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of NEEDED[auth.type]) {
    const value = credentials[field];
    if (!value) throw new ValidationError(`The provider's ${auth.type} auth needs credentials.${field}: set it with updateApiToolProvider`, { field: `credentials.${field}` });
    values[field] = value;
  }
  return values;
}
