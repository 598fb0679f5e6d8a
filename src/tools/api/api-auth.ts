import { ValidationError } from '../../errors.js';
import type { ApiAuth } from '../openapi/index.js';

/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export interface ApiAuthInput {
  type: string;
  headerName?: string | null;
  prefix?: string | null;
  customPrefix?: string | null;
  queryParam?: string | null;
}

function fail(message: string, field: string): never {
  throw new ValidationError(message, { field: `auth.${field}` });
}

/** The auth settings to store, each field checked for the chosen type. */
export function checkAuth(input: ApiAuthInput | null | undefined): ApiAuth {
  switch (input?.type ?? 'NONE') {
    case 'NONE':
      return { type: 'NONE' };
    case 'API_KEY_HEADER': {
      const headerName = input?.headerName?.trim() || 'Authorization';
      if (!HEADER_NAME.test(headerName)) fail('headerName must be a valid HTTP header name', 'headerName');
      const prefix = input?.prefix ?? 'NONE';
      if (!['NONE', 'BEARER', 'BASIC', 'CUSTOM'].includes(prefix)) fail('prefix must be NONE, BEARER, BASIC or CUSTOM', 'prefix');
      if (prefix !== 'CUSTOM') return { type: 'API_KEY_HEADER', headerName, prefix: prefix as 'NONE' | 'BEARER' | 'BASIC' };
      const customPrefix = input?.customPrefix ?? '';
      if (!customPrefix || customPrefix.length > 50 || /[\r\n\0]/.test(customPrefix)) fail('customPrefix must be 1 to 50 characters without line breaks', 'customPrefix');
      return { type: 'API_KEY_HEADER', headerName, prefix: 'CUSTOM', customPrefix };
    }
    case 'API_KEY_QUERY': {
      const queryParam = input?.queryParam?.trim() ?? '';
      if (!/^[A-Za-z0-9_.~-]{1,100}$/.test(queryParam)) fail('queryParam must be 1 to 100 URL-safe characters', 'queryParam');
      return { type: 'API_KEY_QUERY', queryParam };
    }
    case 'BASIC':
      return { type: 'BASIC' };
    case 'BEARER':
      return { type: 'BEARER' };
    default:
      return fail('type must be NONE, API_KEY_HEADER, API_KEY_QUERY, BASIC or BEARER', 'type');
  }
}
