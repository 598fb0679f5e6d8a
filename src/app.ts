import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import proxyAddr from 'proxy-addr';
import type { Config } from './config.js';
import { buildContext, createServices, type Context, type Deps } from './context.js';
import { AppError } from './errors.js';
import { formatGraphQLError } from './graphql/format-error.js';
import { toGraphQLError } from './graphql/operation.js';
import { buildSchema } from './graphql/schema.js';
import { attachWebSocketTransport, createSseTransport } from './graphql/subscription-transports.js';
import { operationRules, parseOptions } from './graphql/validation-rules.js';
import { rateLimitStatusPlugin } from './graphql/rate-limit-status.plugin.js';
import { MemoryStore } from './platform/rate-limit/memory.store.js';
import { IoRedisStore } from './platform/rate-limit/redis.store.js';
import { filesRouter } from './http/files.router.js';
import { jsonErrorHandler, notFoundHandler, requireJsonBody, requireJsonOrMultipart } from './http/json-errors.js';
import { createOAuthRouter } from './identity/oauth/oauth.router.js';
import { entities } from './entities.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase } from './platform/db/database.js';
import { createGuardedHttpClient } from './platform/http/guarded-client.js';
import { createPubSub } from './platform/pubsub/index.js';
import { loadSecretKey, SecretBox } from './platform/secrets/secret-box.js';
import type { ToolRuntime } from './tools/tool-runtime.js';
import { FileReconciler } from './files/file-reconciler.js';
import type { FileRuntime } from './files/file-runtime.js';
import { FileUrlSigner } from './files/file-urls.js';
import { createStorage } from './platform/storage/index.js';
import { createMailer } from './platform/mail/index.js';
import { createQueue } from './platform/queue/index.js';
import { brandOf, type MailRuntime } from './mail/mail-runtime.js';
import { MailWorker } from './mail/mail-worker.js';
import type { ExtensionRuntime } from './extensions/extension-runtime.js';
import { PluginHost } from './extensions/plugins/plugin-host.js';
import { syncPluginFolder } from './extensions/plugins/plugin-registry.js';
import { CodeRunner } from './workflows/code/code-runner.js';
import { notifyRunEnded } from './workflows/run-notifications.js';
import { nodeServicesFor, runViewer } from './workflows/run-services.js';
import { WorkflowEngine } from './workflows/workflow-engine.js';
import { WorkflowToolRunner } from './workflows/workflow-tool-host.js';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';

export interface Plugboard {
  httpServer: Server;
  deps: Deps;
  /** Starts listening on config.host:config.port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish (bounded by config), closes everything. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

export interface AppOptions {
  log?: Logger;
  /** Sees every SQL statement (tests count them to prove batching). */
  onQuery?: (sql: string) => void;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<Plugboard> {
  const log = options.log ?? createLogger(config.logLevel);
  // Before the database opens: an unreadable key file stops the start with nothing to clean up.
  const secretKey = await loadSecretKey(config.secretKey, config.dataDir);
  if (config.database.url && !config.secretKey) {
    log.warn('PLUGBOARD_SECRET_KEY is not set: stored credentials are encrypted with a key in the data folder; every process sharing this database needs the same key');
  }
  const storage = createStorage(config.files.storage);
  const mailer = createMailer(config.mail.transport, log);
  const database = await openDatabase({
    url: config.database.url,
    poolSize: config.database.poolSize,
    dataDir: config.dataDir,
    entities,
    log,
    onQuery: options.onQuery,
  });
  const pubsub = await createPubSub(
    config.pubsub === 'postgres'
      ? { driver: 'postgres', connectionString: config.database.url! }
      : config.pubsub === 'redis'
        ? { driver: 'redis', url: config.redisUrl! }
        : { driver: 'memory' },
    log.child({ component: 'pubsub' }),
  );
  const shutdown = new AbortController();
  const outboundHttp = createGuardedHttpClient({ allow: config.outbound.allow, defaults: { ...config.outbound, maxRedirects: 5 }, userAgent: 'Plugboard' });
  // Code plugins run in their own processes; none starts before its first call.
  const plugins = new PluginHost({
    log,
    allow: config.outbound.allow,
    defaultTimeoutMs: config.extensions.pluginTimeoutMs,
    memoryMb: config.extensions.pluginMemoryMb,
  });
  const tools: ToolRuntime = {
    secrets: new SecretBox(secretKey),
    http: outboundHttp,
    outbound: config.outbound,
    maxOperations: config.tools.maxOperations,
    shutdown: shutdown.signal,
    plugins,
    workflowRunTimeoutMs: config.workflows.runTimeoutMs,
  };
  // With PORT=0 and no PLUGBOARD_PUBLIC_URL the public URL is only known once listening.
  let publicUrl = config.publicUrl;
  const files: FileRuntime = { storage, signer: new FileUrlSigner(secretKey, () => publicUrl, config.files.urlTtlMs), config: config.files };
  const queue = await createQueue(
    config.queue.driver === 'postgres' ? { driver: 'postgres', connectionString: config.database.url! } : { driver: 'inline' },
    log.child({ component: 'queue' }),
  );
  const mail: MailRuntime = {
    mailer,
    queue,
    secrets: tools.secrets,
    settings: config.mail,
    brand: brandOf(config.mail),
    webUrl: () => config.mail.webUrl ?? publicUrl,
  };
  const mailWorker = new MailWorker(database.orm, mail, log.child({ component: 'mail' }));
  await mailWorker.start();
  await mkdir(config.extensions.pluginDir, { recursive: true });
  await syncPluginFolder(database.orm, plugins, config.extensions.pluginDir, log.child({ component: 'plugins' }));
  const extensions: ExtensionRuntime = {
    http: outboundHttp,
    secrets: tools.secrets,
    limits: { connectTimeoutMs: config.extensions.connectTimeoutMs, totalTimeoutMs: config.extensions.totalTimeoutMs, maxResponseBytes: config.outbound.maxResponseBytes },
    plugins,
    pluginDir: config.extensions.pluginDir,
    adminEmails: config.adminEmails,
  };
  // CODE nodes run in the code-plugin sandbox, one process per workspace, on a host of their
  // own: an installed plugin cannot take a runner's name, and no ctx.fetch destinations.
  const codeHost = new PluginHost({ log, allow: [], defaultTimeoutMs: config.workflows.nodeTimeoutMs, memoryMb: config.extensions.pluginMemoryMb });
  const codeRunner = new CodeRunner(codeHost, { timeoutMs: config.workflows.nodeTimeoutMs });
  const workflows: WorkflowEngine = new WorkflowEngine({
    orm: database.orm,
    pubsub,
    queue,
    log: log.child({ component: 'workflows' }),
    settings: config.workflows,
    servicesFor: (run) => nodeServicesFor(deps, codeRunner, run),
    onRunEnded: (run, outcome) => notifyRunEnded(deps, run, outcome),
  });
  const deps: Deps = { config, orm: database.orm, pubsub, log, validationRules: operationRules(config), tools, files, mail, extensions, workflows };
  tools.workflows = new WorkflowToolRunner(workflows, (workspaceId, apiKey) => createServices(deps, runViewer(workspaceId, apiKey), log).workflows);
  await workflows.start();
  // A direct upload may take until its URL expires; give it an hour more before clearing it.
  const reconciler = new FileReconciler(database.orm, storage, config.files.urlTtlMs + 3_600_000, log);
  reconciler.start(10 * 60_000);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  // ioredis reconnects by itself; without a listener it prints every failure to stderr.
  redis?.on('error', (error: Error) => log.warn({ err: { message: error.message } }, 'redis connection error'));
  const rateLimitStore = redis ? new IoRedisStore(redis) : new MemoryStore();
  const schema = buildSchema(config.subgraphs, rateLimitStore, { rateLimitScale: config.rateLimitScale, log });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // Query strings can carry secrets (GraphQL variables on GET, OAuth codes): log the path only.
      serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url?.split('?')[0], query: undefined }) },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await database.isReachable();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });

  app.use(filesRouter({ orm: database.orm, storage, signer: files.signer, maxBytes: config.files.maxBytes, log }));

  const oauthRouter = await createOAuthRouter(config, deps);
  if (oauthRouter) app.use(oauthRouter); // at the root: grant matches on req.originalUrl

  // Before app.use('/graphql'): that prefix would otherwise swallow /graphql/stream.
  const sse = createSseTransport(schema, deps);
  app.use('/graphql/stream', requireJsonBody, express.json({ limit: config.maxBodyBytes }), (req, res) => sse(req, res));

  // The same client address as req.ip on HTTP, trust proxy included.
  const trustProxy = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  const closeWebSockets = attachWebSocketTransport(httpServer, '/graphql', schema, deps, (req) => proxyAddr(req, trustProxy));

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    validationRules: deps.validationRules,
    parseOptions,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log),
    // Inline (ftv1) traces are for Apollo Studio, which we do not use; they cost time per request.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }), ApolloServerPluginInlineTraceDisabled(), rateLimitStatusPlugin],
  });
  await apollo.start();

  app.use(
    '/graphql',
    requireJsonOrMultipart,
    // The GraphQL multipart request spec: files stream to resolvers as Upload promises.
    // busboy trips its limit on reaching maxFileSize, not passing it: +1 lets a file of exactly
    // maxBytes through (the service checks the real limit).
    graphqlUploadExpress({ maxFileSize: config.files.maxBytes + 1, maxFiles: config.files.maxFiles, maxFieldSize: config.maxBodyBytes }),
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await buildContext(deps, { requestId: String(req.id), authorization: req.headers.authorization, ip: req.ip });
        } catch (error) {
          throw error instanceof AppError ? toGraphQLError(error, 401) : error;
        }
      },
    }),
  );
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(log));

  let stopping: Promise<void> | undefined;
  return {
    httpServer,
    deps,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const { address, port } = httpServer.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      const url = `http://${host}:${port}`;
      if (new URL(publicUrl).port === '0') publicUrl = url;
      return url;
    },
    stop() {
      stopping ??= (async () => {
        // Idle keep-alive sockets and slow clients must not hold shutdown open forever.
        const deadline = setTimeout(() => httpServer.closeAllConnections(), config.shutdownTimeoutMs);
        deadline.unref();
        try {
          await workflows.close(); // runs in flight end FAILED (WORKER_STOPPED) and publish their last event
          await pubsub.close(); // ends live subscriptions (SSE streams, ws iterators)
          shutdown.abort(); // cancels tool calls in flight, which ends their streams
          await closeWebSockets();
          await apollo.stop(); // stops accepting and drains in-flight HTTP requests
          if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        } finally {
          clearTimeout(deadline);
          // Each step on its own: one failing must not leave the database or plugin processes open.
          const step = (name: string, close: () => Promise<unknown>) =>
            close().catch((error: Error) => log.error({ step: name, err: { message: error.message } }, 'shutdown step failed'));
          await step('file reconciler', () => reconciler.stop());
          await step('mail worker', () => mailWorker.stop());
          await step('queue', () => queue.stop(config.shutdownTimeoutMs)); // lets a message being sent finish
          await step('mailer', () => mailer.close());
          await step('plugins', () => plugins.close());
          await step('code sandboxes', () => codeHost.close());
          await step('outbound http', () => outboundHttp.close());
          await step('storage', () => storage.close());
          await step('database', () => database.close());
          await step('redis', async () => (redis?.status === 'ready' ? redis.quit() : redis?.disconnect()));
        }
      })();
      return stopping;
    },
  };
}
