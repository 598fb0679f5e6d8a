import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context, Deps } from '../context.js';
import { formatGraphQLError } from './format-error.js';
import { prepareOperation } from './operation.js';

function formatErrors(deps: Deps, errors: readonly GraphQLError[], requestId?: string) {
  return errors.map((error) => formatGraphQLError(error.toJSON(), error, deps.log, requestId));
}

function authorizationFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws on the given HTTP server at `path`. Auth comes from
 * `connectionParams.authorization`; every operation goes through the same context,
 * validation and error formatting as HTTP. Returns a function that closes it.
 */
export function attachWebSocketTransport(
  httpServer: HttpServer,
  path: string,
  schema: GraphQLSchema,
  deps: Deps,
  clientIp: (request: IncomingMessage) => string,
) {
  // Messages are capped like HTTP bodies (ws would accept 100 MiB).
  const wss = new WebSocketServer({ server: httpServer, path, maxPayload: deps.config.maxBodyBytes });
  const server = useServer<Record<string, unknown>>(
    {
      schema,
      onSubscribe: async (ctx, _id, payload) => {
        const requestId = randomUUID();
        const prepared = await prepareOperation(deps, schema, payload, {
          requestId,
          authorization: authorizationFrom(ctx.connectionParams),
          ip: clientIp(ctx.extra.request),
        });
        if ('errors' in prepared) return prepared.errors;
        deps.log.debug({ requestId, operationName: payload.operationName, transport: 'ws' }, 'operation');
        return prepared.args;
      },
      onNext: (_ctx, _id, _payload, args, result) =>
        result.errors ? { ...result, errors: formatErrors(deps, result.errors, (args.contextValue as Context).requestId) } : result,
      onError: (_ctx, _id, _payload, errors) => formatErrors(deps, errors),
    },
    wss,
  );
  return async () => {
    await server.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

type SseContext = Context & Record<PropertyKey, unknown>;

/**
 * graphql-sse (the GraphQL over Server-Sent Events protocol), for clients without
 * WebSocket. Auth comes from the `Authorization` header.
 */
export function createSseTransport(schema: GraphQLSchema, deps: Deps) {
  const handler = createHandler<SseContext>({
    schema,
    // Distinct connections only: the single-connection mode lets anyone reserve streams
    // anonymously and hands results to whoever knows the reservation token.
    authenticate: () => null,
    onSubscribe: async (req, params) => {
      const requestId = (req.raw as ExpressRequest & { id?: string }).id?.toString() ?? randomUUID();
      const prepared = await prepareOperation(deps, schema, params, {
        requestId,
        authorization: req.raw.headers.authorization,
        ip: req.raw.ip,
      });
      if ('errors' in prepared) return { errors: formatErrors(deps, prepared.errors, requestId) as unknown as GraphQLError[] };
      return prepared.args as typeof prepared.args & { contextValue: SseContext };
    },
    onNext: (ctx, _req, result) =>
      result.errors ? { ...result, errors: formatErrors(deps, result.errors, ctx.requestId) as unknown as GraphQLError[] } : result,
  });
  return async (req: ExpressRequest, res: ExpressResponse) => {
    try {
      await handler(req, res);
    } catch (error) {
      deps.log.error({ err: error }, 'graphql-sse handler failed');
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  };
}
