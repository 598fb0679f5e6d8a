import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { UnauthenticatedError } from './errors.js';
import { createIdentityLoaders, type IdentityLoaders } from './identity/identity.loaders.js';
import { IdentityRepository } from './identity/identity.repository.js';
import { IdentityService, type Viewer } from './identity/identity.service.js';
import type { Logger } from './logger.js';
import type { PubSub } from './platform/pubsub/pubsub.js';

/** Long-lived things built once per process. */
export interface Deps {
  config: Config;
  orm: MikroORM;
  pubsub: PubSub;
  log: Logger;
}

export interface Services {
  identity: IdentityService;
}

export interface Loaders {
  identity: IdentityLoaders;
}

/** What every resolver receives: built fresh for each HTTP request and each subscription. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  services: Services;
  loaders: Loaders;
  log: Logger;
}

export interface RequestInfo {
  requestId: string;
  /** The raw `Authorization` header, or `connectionParams.authorization` for ws/SSE. */
  authorization?: string;
}

function bearerToken(authorization?: string): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match ? match[1]! : null;
}

function createServices(deps: Deps, viewer: Viewer | null): Services {
  // A fork per request: its identity map dies with the request, so nothing is cached across users.
  const em = deps.orm.em.fork();
  return {
    identity: new IdentityService(new IdentityRepository(em), deps.pubsub, deps.config.sessionTtlHours, viewer),
  };
}

/**
 * The one context builder for HTTP, graphql-ws and graphql-sse. No token means an
 * anonymous viewer (fields not marked @public then answer UNAUTHENTICATED); a token
 * that is malformed, unknown, expired or revoked refuses the whole operation.
 */
export async function buildContext(deps: Deps, request: RequestInfo): Promise<Context> {
  const token = bearerToken(request.authorization);
  if (request.authorization && !token) throw new UnauthenticatedError('Malformed Authorization header: use "Bearer <token>"');
  const viewer = token ? await createServices(deps, null).identity.authenticate(token) : null;
  if (token && !viewer) throw new UnauthenticatedError('Invalid, expired or revoked token');
  const services = createServices(deps, viewer);
  return {
    requestId: request.requestId,
    viewer,
    services,
    loaders: { identity: createIdentityLoaders(services.identity) },
    log: deps.log.child({ requestId: request.requestId }),
  };
}
