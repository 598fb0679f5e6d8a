import { graphql } from '../__generated__/index.js';
import type { ApiAuthInput, ApiCredentialsInput } from '../__generated__/graphql.js';
import { execute } from './client.js';

export const CreateApiProvider = graphql(`
  mutation CreateApiProvider($input: CreateApiToolProviderInput!) {
    createApiToolProvider(input: $input) {
      provider {
        id
        name
        serverUrl
        warnings
        tools {
          id
          name
          method
          path
          parameters {
            name
            type
            required
            location
          }
        }
      }
    }
  }
`);

export const InvokeTool = graphql(`
  mutation InvokeTool($input: InvokeToolInput!) {
    invokeTool(input: $input) {
      invocation {
        id
        toolId
        toolName
        status
        errorCode
        messageCount
        durationMs
        caller {
          id
        }
      }
      messages {
        __typename
        ... on TextMessage {
          text
        }
        ... on JsonMessage {
          json
        }
        ... on BlobMessage {
          mimeType
          sequence
          data
          totalLength
          final
        }
      }
    }
  }
`);

/** A small OpenAPI 3.0 document for the test backend (test/support/tool-backend.ts), one operation per behaviour. */
export const ECHO_API = `
openapi: 3.0.3
info:
  title: Echo API
  version: 1.0.0
  description: Echoes what it receives.
servers:
  - url: http://placeholder.invalid
paths:
  /echo/items/{itemId}:
    parameters:
      - { name: itemId, in: path, required: true, schema: { type: integer } }
    get:
      operationId: getItem
      summary: Fetch one item
      responses: { '200': { description: ok } }
      parameters:
        - { name: verbose, in: query, schema: { type: boolean } }
        - { name: tags, in: query, schema: { type: array, items: { type: string } } }
        - { name: X-Trace, in: header, schema: { type: string } }
        - { name: session, in: cookie, schema: { type: string } }
    put:
      operationId: replaceItem
      responses: { '200': { description: ok } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Item' }
  /echo/form:
    post:
      operationId: submitForm
      responses: { '200': { description: ok } }
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object, required: [name], properties: { name: { type: string }, count: { type: integer } } }
  /echo/upload:
    post:
      operationId: uploadNote
      responses: { '200': { description: ok } }
      requestBody:
        content:
          multipart/form-data:
            schema: { type: object, properties: { title: { type: string }, note: { type: string } } }
  /slow:
    get: { operationId: slow, responses: { '200': { description: ok } } }
  /hang:
    get: { operationId: hang, responses: { '200': { description: ok } } }
  /huge:
    get: { operationId: huge, responses: { '200': { description: ok } } }
  /flaky:
    get: { operationId: flaky, responses: { '200': { description: ok } } }
  /image:
    get: { operationId: image, responses: { '200': { description: ok } } }
  /redirect:
    get:
      operationId: redirect
      responses: { '200': { description: ok } }
      parameters:
        - { name: to, in: query, required: true, schema: { type: string } }
components:
  schemas:
    NewItem:
      type: object
      required: [name]
      properties:
        name: { type: string }
        price: { type: number }
    Item:
      allOf:
        - $ref: '#/components/schemas/NewItem'
        - type: object
          properties:
            id: { type: integer }
`;

export async function createApiProvider(
  url: string,
  token: string,
  input: { name?: string; serverUrl: string; document?: string; auth?: ApiAuthInput; credentials?: ApiCredentialsInput; totalTimeoutMs?: number },
) {
  const data = await execute(
    url,
    CreateApiProvider,
    {
      input: {
        name: input.name ?? `echo-${Math.random().toString(36).slice(2, 8)}`,
        source: { document: input.document ?? ECHO_API },
        serverUrl: input.serverUrl,
        auth: input.auth,
        credentials: input.credentials,
        totalTimeoutMs: input.totalTimeoutMs,
      },
    },
    { token },
  );
  return data.createApiToolProvider.provider;
}
