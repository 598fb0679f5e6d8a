import type { MikroORM } from '@mikro-orm/postgresql';
import type { ValidationRule } from 'graphql';
import { createAppLoaders, type AppLoaders } from './apps/app.loaders.js';
import { AppRepository } from './apps/app.repository.js';
import { AppService } from './apps/app.service.js';
import type { Config } from './config.js';
import { UnauthenticatedError } from './errors.js';
import { ApiKeyRepository } from './identity/api-key.repository.js';
import { ApiKeyService } from './identity/api-key.service.js';
import { Authenticator } from './identity/authenticator.js';
import { createIdentityLoaders, type IdentityLoaders } from './identity/identity.loaders.js';
import { IdentityRepository } from './identity/identity.repository.js';
import { IdentityService } from './identity/identity.service.js';
import type { Viewer } from './identity/viewer.js';
import { WorkspaceRepository } from './identity/workspace.repository.js';
import { WorkspaceService } from './identity/workspace.service.js';
import type { Logger } from './logger.js';
import type { PubSub } from './platform/pubsub/pubsub.js';
import { createFileLoaders, type FileLoaders } from './files/file.loaders.js';
import { FileRepository } from './files/file.repository.js';
import type { FileRuntime } from './files/file-runtime.js';
import { FileService } from './files/file.service.js';
import { ToolManager } from './tools/tool-manager.js';
import { createToolLoaders, type ToolLoaders } from './tools/tool.loaders.js';
import { ToolRepository } from './tools/tool.repository.js';
import type { ToolRuntime } from './tools/tool-runtime.js';
import { AccountService } from './identity/account.service.js';
import { InvitationService } from './identity/invitation.service.js';
import type { MailRuntime } from './mail/mail-runtime.js';
import { ExtensionManager } from './extensions/extension-manager.js';
import { ExtensionRepository } from './extensions/extension.repository.js';
import { createExtensionLoaders, type ExtensionLoaders } from './extensions/extension.loaders.js';
import type { ExtensionRuntime } from './extensions/extension-runtime.js';
import { MailService } from './mail/mail.service.js';
import { Notifications } from './mail/notifications.js';
import { ToolService } from './tools/tool.service.js';
import type { WorkflowEngine } from './workflows/workflow-engine.js';
import { createWorkflowLoaders, type WorkflowLoaders } from './workflows/workflow.loaders.js';
import { WorkflowRepository } from './workflows/workflow.repository.js';
import { WorkflowService } from './workflows/workflow.service.js';

/** Long-lived things built once per process. */
export interface Deps {
  config: Config;
  orm: MikroORM;
  pubsub: PubSub;
  log: Logger;
  /** Validation rules added to graphql-js's own, the same on every transport. */
  validationRules: ValidationRule[];
  tools: ToolRuntime;
  files: FileRuntime;
  mail: MailRuntime;
  extensions: ExtensionRuntime;
  workflows: WorkflowEngine;
}

export interface Services {
  identity: IdentityService;
  workspaces: WorkspaceService;
  apiKeys: ApiKeyService;
  apps: AppService;
  toolManager: ToolManager;
  tools: ToolService;
  files: FileService;
  mail: MailService;
  invitations: InvitationService;
  account: AccountService;
  extensions: ExtensionManager;
  workflows: WorkflowService;
}

export interface Loaders {
  identity: IdentityLoaders;
  apps: AppLoaders;
  tools: ToolLoaders;
  files: FileLoaders;
  extensions: ExtensionLoaders;
  workflows: WorkflowLoaders;
}

/** What every resolver receives: built fresh for each HTTP request and each subscription. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** The caller's address, for rate limits on anonymous calls. */
  ip: string;
  services: Services;
  loaders: Loaders;
  log: Logger;
  /** Whether the credentials this context was built from are still valid (subscriptions re-check per event). */
  stillAuthorized(): Promise<boolean>;
}

export interface RequestInfo {
  requestId: string;
  /** The raw `Authorization` header, or `connectionParams.authorization` for ws/SSE. */
  authorization?: string;
  ip?: string;
}

function bearerToken(authorization?: string): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match ? match[1]! : null;
}

/** The services acting for `viewer`, over a fresh unit of work (the run engine uses them too). */
export function createServices(deps: Deps, viewer: Viewer | null, log: Logger): Services {
  // A fork per request: its identity map dies with the request, so nothing is cached across users.
  const em = deps.orm.em.fork();
  const users = new IdentityRepository(em);
  const apps = new AppService(new AppRepository(em), viewer);
  const toolRepository = new ToolRepository(em);
  const files = new FileService(new FileRepository(em), viewer, deps.files.storage, deps.files.signer, deps.files.config, log);
  const toolManager = new ToolManager(toolRepository, viewer, deps.tools, log, files);
  const identity = new IdentityService(users, deps.config.sessionTtlMs, viewer);
  const mail = new MailService(em, deps.mail, viewer, log);
  const notifications = new Notifications(em, mail, log);
  const extensions = new ExtensionManager(new ExtensionRepository(em), deps.extensions, viewer, log, async (fileId) => {
    const file = await files.get(fileId);
    return { read: (maxBytes) => files.readContent(file.id, maxBytes) };
  });
  return {
    identity,
    workspaces: new WorkspaceService(new WorkspaceRepository(em), users, deps.pubsub, viewer),
    apiKeys: new ApiKeyService(
      new ApiKeyRepository(em),
      viewer,
      async (appId) => void (await apps.getApp(appId)),
      (key, createdBy) => notifications.apiKeyCreated(key, createdBy),
    ),
    apps,
    toolManager,
    tools: new ToolService(toolRepository, toolManager, viewer, deps.tools),
    files,
    mail,
    invitations: new InvitationService(em, viewer, identity, mail, deps.mail),
    account: new AccountService(em, viewer, identity, mail, deps.mail, log),
    extensions,
    workflows: new WorkflowService(new WorkflowRepository(em), viewer, apps, toolManager, extensions, deps.workflows, deps.pubsub),
  };
}

/** Resolves a bearer token; throws UNAUTHENTICATED when one is sent but malformed, unknown, expired or revoked. */
export async function authenticate(deps: Deps, authorization?: string): Promise<Viewer | null> {
  if (!authorization) return null;
  const token = bearerToken(authorization);
  if (!token) throw new UnauthenticatedError('Malformed Authorization header: use "Bearer <token>"');
  const em = deps.orm.em.fork();
  const viewer = await new Authenticator(new IdentityRepository(em), new ApiKeyRepository(em)).authenticate(token);
  if (!viewer) throw new UnauthenticatedError('Invalid, expired or revoked token');
  return viewer;
}

/** Credential re-checks in flight, per process and credentials. */
const pendingChecks = new WeakMap<Deps, Map<string, Promise<boolean>>>();

/**
 * Whether credentials are still valid, for subscriptions at each event. Checks of the same
 * credentials that overlap share one lookup: a thousand subscribers of one run, signed in
 * as the same user, cost one query per event instead of a thousand. Nothing is cached
 * once a check has answered, so a revocation is seen by the next event.
 */
function recheck(deps: Deps, authorization: string): Promise<boolean> {
  let pending = pendingChecks.get(deps);
  if (!pending) pendingChecks.set(deps, (pending = new Map()));
  let check = pending.get(authorization);
  if (!check) {
    check = authenticate(deps, authorization)
      .then((again) => again !== null, () => false)
      .finally(() => pending.delete(authorization));
    pending.set(authorization, check);
  }
  return check;
}

/**
 * The one context builder for HTTP, graphql-ws and graphql-sse. No token means an
 * anonymous viewer (fields not marked @public then answer UNAUTHENTICATED); a token
 * that is not valid refuses the whole operation.
 */
export async function buildContext(deps: Deps, request: RequestInfo, options: { longLived?: boolean } = {}): Promise<Context> {
  const viewer = await authenticate(deps, request.authorization);
  const log = deps.log.child({ requestId: request.requestId });
  const services = createServices(deps, viewer, log);
  // A subscription's context lives for many events: batch within one, cache nothing across them.
  const loaderOptions = options.longLived ? { cache: false } : undefined;
  return {
    requestId: request.requestId,
    viewer,
    ip: request.ip ?? 'unknown',
    services,
    loaders: {
      identity: createIdentityLoaders(services.identity, services.workspaces, loaderOptions),
      apps: createAppLoaders(services.apps, loaderOptions),
      tools: createToolLoaders(services.toolManager, services.tools, loaderOptions),
      files: createFileLoaders(services.files, loaderOptions),
      extensions: createExtensionLoaders(services.extensions, loaderOptions),
      workflows: createWorkflowLoaders(services.workflows, loaderOptions),
    },
    log,
    stillAuthorized: () => (viewer ? recheck(deps, request.authorization!) : Promise.resolve(true)),
  };
}
