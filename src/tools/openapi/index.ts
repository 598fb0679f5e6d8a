/** OpenAPI/Swagger import and request building: pure functions, no I/O. */
export type { ApiAuth, ApiBody, ApiCredentialValues, ApiOperation, ApiParameter, ApiSpec, BodyEncoding, ParameterLocation, ParseOpenApiOptions } from './openapi.types.js';
export { OpenApiDocumentError, type DocumentLocation } from './openapi.errors.js';
export { MAX_DOCUMENT_BYTES } from './openapi-document.js';
export { parseOpenApi } from './openapi-import.js';
export { buildApiRequest, joinUrl, type ApiRequest } from './api-request.js';
