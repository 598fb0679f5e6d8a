/**
 * What an imported OpenAPI/Swagger document becomes: one ApiOperation per HTTP operation,
 * each usable as a tool definition (name, description, parameters) plus what it takes to
 * build the HTTP request (method, path, where each parameter goes, how the body is encoded).
 * Everything here is plain JSON: specs are stored as they are.
 */
import type { ToolParameter } from '../tool.types.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

export interface ApiParameter extends ToolParameter {
  in: ParameterLocation;
  /** The name on the wire when it differs from the tool parameter name (always set). */
  wireName: string;
  /**
   * OpenAPI serialisation style: simple, label, matrix (path); form, spaceDelimited,
   * pipeDelimited, deepObject (query); simple (header); form (cookie). Plugboard adds `json`:
   * a parameter declared with `content: application/json` is sent JSON-encoded.
   */
  style?: string;
  explode?: boolean;
}

export type BodyEncoding = 'json' | 'form' | 'multipart';

export interface ApiBody {
  encoding: BodyEncoding;
  /** The media type from the document (multipart requests get their boundary from FormData instead). */
  contentType: string;
  required: boolean;
  /** True when the body is not sent as separate properties: one parameter named "body" (or "body_body") holds the whole value. */
  whole: boolean;
}

export interface ApiOperation {
  /** operationId sanitised to [A-Za-z0-9_.-]{1,128}, or method_path (GET /pets/{petId} → get_pets_petId); duplicates get _2, _3. */
  name: string;
  /** summary and description, trimmed, at most 2000 characters. */
  description: string;
  /** Upper-case. */
  method: string;
  /** As in the document, e.g. /pets/{petId}. */
  path: string;
  parameters: ApiParameter[];
  body?: ApiBody;
}

export interface ApiSpec {
  title: string;
  version: string;
  description: string;
  /** servers[0] (variables replaced by their defaults) or Swagger's scheme://host/basePath; may be relative; null when absent. */
  serverUrl: string | null;
  operations: ApiOperation[];
  /** What was imported differently from the document, or not at all, in words for the user. */
  warnings: string[];
  /** The auth the document's security schemes suggest, when one maps onto ApiAuth (the user configures auth). */
  authHint?: ApiAuth;
}

export interface ParseOpenApiOptions {
  /** Documents with more operations are refused. */
  maxOperations: number;
}

/** How calls are authenticated; the secret values come separately (see ApiCredentialValues). */
export type ApiAuth =
  | { type: 'NONE' }
  | {
      type: 'API_KEY_HEADER';
      headerName: string;
      /** NONE sends the key as is; BEARER "Bearer <key>"; BASIC "Basic <key>"; CUSTOM `${customPrefix}${key}` (include a trailing space if you want one). */
      prefix: 'NONE' | 'BEARER' | 'BASIC' | 'CUSTOM';
      customPrefix?: string;
    }
  | { type: 'API_KEY_QUERY'; queryParam: string }
  | { type: 'BASIC' }
  | { type: 'BEARER' };

/** Keys: `apiKey` (API_KEY_*), `username` and `password` (BASIC), `token` (BEARER). */
export type ApiCredentialValues = Record<string, string>;
