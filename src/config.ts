import path from 'node:path';
import ms from 'ms';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { createAddressPolicy } from './platform/http/address-policy.js';
import { parseSecretKey } from './platform/secrets/secret-box.js';
import type { MailConfig } from './platform/mail/mailer.js';
import type { StorageConfig } from './platform/storage/storage.js';
import type { WorkflowSettings } from './workflows/workflow-engine.js';

const ALL_SUBGRAPHS = ['identity', 'apps', 'tools', 'files', 'mail', 'extensions', 'workflows'] as const;
export type SubgraphName = (typeof ALL_SUBGRAPHS)[number];

const absoluteUrl = z
  .string()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an absolute http:// or https:// URL');
/** An absolute http(s) URL; a trailing slash is dropped so paths can be appended. */
const httpUrl = absoluteUrl.transform((value) => value.replace(/\/+$/, ''));

/** A duration like "30m" or "7d" between `min` and `max` milliseconds, as milliseconds. */
function duration(fallback: string, min: number, max: number, range: string) {
  return z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const millis = ms(value as ms.StringValue);
      if (typeof millis !== 'number' || !(millis >= min && millis <= max)) {
        ctx.addIssue({ code: 'custom', message: `must be a duration from ${range}, like "${fallback}"` });
        return z.NEVER;
      }
      return millis;
    });
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable Plugboard reads, with its default. README's config table mirrors this. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PLUGBOARD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PLUGBOARD_SUBGRAPHS: z
    .string()
    .default('all')
    .transform((value, ctx) => {
      if (value.trim() === 'all') return [...ALL_SUBGRAPHS];
      const names = value.split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !(ALL_SUBGRAPHS as readonly string[]).includes(name));
      if (unknown.length > 0 || names.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown subgraph(s) "${unknown.join(',')}"; choose from ${ALL_SUBGRAPHS.join(', ')} or "all"`,
        });
        return z.NEVER;
      }
      return names as SubgraphName[];
    }),
  PLUGBOARD_INTROSPECTION: booleanFlag.default(true),
  PLUGBOARD_RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  PLUGBOARD_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      try {
        if (typeof parsed === 'string') proxyAddr.compile(parsed.split(',').map((part) => part.trim()));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be true, false, a hop count, or addresses/subnets (e.g. "loopback, 10.0.0.0/8")' });
        return z.NEVER;
      }
      return parsed;
    }),
  PLUGBOARD_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  PLUGBOARD_SESSION_TTL: z
    .string()
    .default('30d')
    .transform((value, ctx) => {
      const millis = ms(value as ms.StringValue);
      if (typeof millis !== 'number' || !(millis >= 1000 && millis <= 366 * 86_400_000)) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration from 1s to 366d, like "12h" or "30d"' });
        return z.NEVER;
      }
      return millis;
    }),
  PLUGBOARD_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Sign-in through OAuth/OIDC providers (src/identity/oauth): each provider is off until its client ID is set.
  PLUGBOARD_PUBLIC_URL: httpUrl.optional(),
  PLUGBOARD_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PLUGBOARD_OAUTH_REDIRECT_URL: absoluteUrl.refine((value) => !value.includes('#'), 'must not contain a #fragment').optional(),
  OAUTH_GITHUB_CLIENT_ID: z.string().optional(),
  OAUTH_GITHUB_CLIENT_SECRET: z.string().optional(),
  OAUTH_GITHUB_URL: httpUrl.default('https://github.com'),
  OAUTH_GITHUB_API_URL: httpUrl.optional(),
  OAUTH_GOOGLE_CLIENT_ID: z.string().optional(),
  OAUTH_GOOGLE_CLIENT_SECRET: z.string().optional(),
  // Not normalised: id_tokens are checked against the issuer as its discovery document spells it.
  OAUTH_OIDC_ISSUER: absoluteUrl.optional(),
  OAUTH_OIDC_CLIENT_ID: z.string().optional(),
  OAUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  OAUTH_OIDC_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lowercase letters, digits and dashes (the /auth/<name> path)')
    .refine((value) => value !== 'github' && value !== 'google' && !value.includes('defaults'), 'is reserved')
    .default('oidc'),
  OAUTH_OIDC_SCOPE: z.string().min(1).default('openid email profile'),
  // Secrets at rest and outbound calls (tools, extensions).
  PLUGBOARD_SECRET_KEY: z
    .string()
    .transform((value, ctx) => {
      const key = parseSecretKey(value);
      if (!key) {
        ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as base64 or 64 hex characters (openssl rand -base64 32)' });
        return z.NEVER;
      }
      return key;
    })
    .optional(),
  PLUGBOARD_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
      try {
        createAddressPolicy(entries);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be comma-separated hostnames, IP addresses or CIDRs (e.g. "127.0.0.1,10.0.0.0/8,api.internal")' });
        return z.NEVER;
      }
      return entries;
    }),
  PLUGBOARD_TOOL_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PLUGBOARD_TOOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  PLUGBOARD_TOOL_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(10_485_760),
  PLUGBOARD_OPENAPI_MAX_OPERATIONS: z.coerce.number().int().min(1).max(10_000).default(100),
  // Files: where they are stored, and upload limits.
  PLUGBOARD_STORAGE: z.enum(['local', 's3', 'azure']).default('local'),
  PLUGBOARD_S3_BUCKET: z.string().optional(),
  PLUGBOARD_S3_REGION: z.string().optional(),
  PLUGBOARD_S3_ENDPOINT: z.string().optional(),
  PLUGBOARD_S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  PLUGBOARD_S3_ACCESS_KEY_ID: z.string().optional(),
  PLUGBOARD_S3_SECRET_ACCESS_KEY: z.string().optional(),
  PLUGBOARD_S3_PREFIX: z.string().optional(),
  PLUGBOARD_AZURE_CONNECTION_STRING: z.string().optional(),
  PLUGBOARD_AZURE_ACCOUNT: z.string().optional(),
  PLUGBOARD_AZURE_ACCOUNT_KEY: z.string().optional(),
  PLUGBOARD_AZURE_SAS_URL: z.string().optional(),
  PLUGBOARD_AZURE_CONTAINER: z.string().optional(),
  PLUGBOARD_AZURE_PREFIX: z.string().optional(),
  PLUGBOARD_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(5 * 1024 ** 4).default(256 * 1024 * 1024),
  PLUGBOARD_UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(100).default(10),
  PLUGBOARD_FILE_URL_TTL: duration('15m', 1000, 7 * 86_400_000, '1s to 7d'),
  // Mail (src/platform/mail) and the account flows that send it.
  PLUGBOARD_MAIL: z.enum(['outbox', 'smtp', 'sendgrid']).default('outbox'),
  PLUGBOARD_MAIL_FROM: z.string().optional(),
  PLUGBOARD_MAIL_FROM_NAME: z.string().min(1).max(200).default('Plugboard'),
  PLUGBOARD_PRODUCT_NAME: z.string().min(1).max(200).default('Plugboard'),
  PLUGBOARD_SUPPORT_URL: absoluteUrl.optional(),
  PLUGBOARD_WEB_URL: httpUrl.optional(),
  PLUGBOARD_SMTP_HOST: z.string().optional(),
  PLUGBOARD_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  PLUGBOARD_SMTP_SECURE: booleanFlag.default(false),
  PLUGBOARD_SMTP_REQUIRE_TLS: booleanFlag.default(false),
  PLUGBOARD_SMTP_USER: z.string().optional(),
  PLUGBOARD_SMTP_PASSWORD: z.string().optional(),
  PLUGBOARD_SMTP_POOL: booleanFlag.default(true),
  PLUGBOARD_SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
  SENDGRID_API_KEY: z.string().optional(),
  SENDGRID_BASE_URL: absoluteUrl.optional(),
  PLUGBOARD_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  PLUGBOARD_MAIL_RETRY_DELAY: duration('30s', 100, 3_600_000, '100ms to 1h'),
  PLUGBOARD_MAIL_RECIPIENT_HOURLY_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  PLUGBOARD_MAIL_WORKSPACE_HOURLY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(200),
  PLUGBOARD_INVITATION_TTL: duration('7d', 60_000, 90 * 86_400_000, '1m to 90d'),
  PLUGBOARD_EMAIL_VERIFICATION_TTL: duration('24h', 60_000, 30 * 86_400_000, '1m to 30d'),
  PLUGBOARD_PASSWORD_RESET_TTL: duration('30m', 60_000, 86_400_000, '1m to 24h'),
  PLUGBOARD_SIGN_IN_LINKS: booleanFlag.default(false),
  // Extensions (src/extensions): Dify's API-based extension timeouts.
  PLUGBOARD_EXTENSION_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  PLUGBOARD_EXTENSION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  PLUGBOARD_PLUGIN_DIR: z.string().min(1).optional(),
  PLUGBOARD_ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean)),
  PLUGBOARD_PLUGIN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  PLUGBOARD_PLUGIN_MEMORY_MB: z.coerce.number().int().min(16).max(4096).default(128),
  // Background jobs: in this process (inline), or shared through Postgres (pg-boss).
  PLUGBOARD_QUEUE: z.enum(['inline', 'postgres']).default('inline'),
  // Subscription events across processes: memory (one process), Postgres LISTEN/NOTIFY or Redis.
  PLUGBOARD_PUBSUB: z.enum(['memory', 'postgres', 'redis']).optional(),
  // Workflows (src/workflows): run limits and the engine's timing.
  PLUGBOARD_WORKFLOW_MAX_ACTIVE_RUNS: z.coerce.number().int().min(1).max(10_000).default(10),
  PLUGBOARD_WORKFLOW_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  PLUGBOARD_WORKFLOW_NODE_TIMEOUT: duration('2m', 1000, 600_000, '1s to 10m'),
  PLUGBOARD_WORKFLOW_RUN_TIMEOUT: duration('30m', 1000, 86_400_000, '1s to 24h'),
  PLUGBOARD_WORKFLOW_LEASE: duration('1m', 2000, 3_600_000, '2s to 1h'),
  PLUGBOARD_WORKFLOW_MAX_DEPTH: z.coerce.number().int().min(0).max(10).default(3),
  PLUGBOARD_WORKFLOW_CODE_NODES: booleanFlag.default(true),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { url?: string; poolSize: number };
  /** Shared state across processes (rate limits); memory when absent. */
  redisUrl?: string;
  subgraphs: SubgraphName[];
  introspection: boolean;
  /** Multiplies every @rateLimit max (e.g. 10 for a trusted internal deployment). */
  rateLimitScale: number;
  /** express "trust proxy": how client IPs are read behind load balancers. */
  trustProxy: boolean | number | string;
  maxBodyBytes: number;
  /** Lifetime of a sign-in session, in milliseconds. */
  sessionTtlMs: number;
  shutdownTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Where browsers reach this server (OAuth redirect URIs are built from it); no trailing slash. */
  publicUrl: string;
  oauth: OAuthConfig;
  /** Encrypts stored credentials; generated into `<dataDir>/keys/secret-key` when absent. */
  secretKey?: Buffer;
  outbound: OutboundConfig;
  tools: { maxOperations: number };
  files: FilesConfig;
  mail: MailSettings;
  queue: { driver: 'inline' | 'postgres' };
  pubsub: 'memory' | 'postgres' | 'redis';
  workflows: WorkflowSettings;
  extensions: {
    connectTimeoutMs: number;
    totalTimeoutMs: number;
    /** Code plugins are discovered here at start (one folder each). */
    pluginDir: string;
    /** Per call of plugin code, and the heap each plugin process may use. */
    pluginTimeoutMs: number;
    pluginMemoryMb: number;
  };
  /** Server administrators (verified addresses): they install code plugins, which run on this server. */
  adminEmails: string[];
}

export interface MailSettings {
  transport: MailConfig;
  from: { email: string; name: string };
  productName: string;
  supportUrl?: string;
  /** Where the web client lives: links in mail point here (`/invite#token=…`). Default: publicUrl. */
  webUrl?: string;
  /** Attempts per message before it is FAILED; the delay doubles after each temporary failure. */
  maxAttempts: number;
  retryDelayMs: number;
  recipientHourlyLimit: number;
  workspaceHourlyLimit: number;
  invitationTtlMs: number;
  emailVerificationTtlMs: number;
  passwordResetTtlMs: number;
  /** Passwordless sign-in by mailed link (off by default). */
  signInLinks: boolean;
}

export interface FilesConfig {
  storage: StorageConfig;
  /** Largest file one upload may carry, in bytes. */
  maxBytes: number;
  /** Most files one multipart request may carry. */
  maxFiles: number;
  /** Lifetime of signed download and upload URLs, in milliseconds. */
  urlTtlMs: number;
}

/** Calls Plugboard makes for users (tools, extensions): the SSRF guard and default limits. */
export interface OutboundConfig {
  /** Hosts, IPs or CIDRs reachable even though private, loopback or link-local. */
  allow: string[];
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
}

/** OAuth/OIDC sign-in; a provider is present only when configured. */
export interface OAuthConfig {
  /** Signs the short-lived OAuth state cookie; generated into `<dataDir>/keys/session-secret` when absent. */
  sessionSecret?: string;
  /** Where the browser lands after sign-in (`#token=…` or `#error=…`); JSON answers when absent. */
  redirectUrl?: string;
  github?: { clientId: string; clientSecret: string; webUrl: string; apiUrl: string };
  google?: { clientId: string; clientSecret: string };
  /** Any OpenID Connect provider, found through `${issuer}/.well-known/openid-configuration`. */
  oidc?: { name: string; issuer: string; clientId: string; clientSecret: string; scope: string };
}

export { ConfigError };

/** Parses the environment once; a bad value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.PLUGBOARD_DATA_DIR),
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redisUrl: e.REDIS_URL,
    subgraphs: e.PLUGBOARD_SUBGRAPHS,
    introspection: e.PLUGBOARD_INTROSPECTION,
    rateLimitScale: e.PLUGBOARD_RATE_LIMIT_SCALE,
    trustProxy: e.PLUGBOARD_TRUST_PROXY,
    maxBodyBytes: e.PLUGBOARD_MAX_BODY_BYTES,
    sessionTtlMs: e.PLUGBOARD_SESSION_TTL,
    shutdownTimeoutMs: e.PLUGBOARD_SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PLUGBOARD_PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
    oauth: oauthConfig(e),
    secretKey: e.PLUGBOARD_SECRET_KEY,
    outbound: {
      allow: e.PLUGBOARD_OUTBOUND_ALLOW,
      connectTimeoutMs: e.PLUGBOARD_TOOL_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: e.PLUGBOARD_TOOL_TIMEOUT_MS,
      maxResponseBytes: e.PLUGBOARD_TOOL_MAX_RESPONSE_BYTES,
    },
    tools: { maxOperations: e.PLUGBOARD_OPENAPI_MAX_OPERATIONS },
    files: {
      storage: storageConfig(e, path.resolve(e.PLUGBOARD_DATA_DIR)),
      maxBytes: e.PLUGBOARD_UPLOAD_MAX_BYTES,
      maxFiles: e.PLUGBOARD_UPLOAD_MAX_FILES,
      urlTtlMs: e.PLUGBOARD_FILE_URL_TTL,
    },
    mail: mailSettings(e, path.resolve(e.PLUGBOARD_DATA_DIR)),
    queue: { driver: queueDriver(e) },
    pubsub: pubsubDriver(e),
    workflows: {
      maxActiveRuns: e.PLUGBOARD_WORKFLOW_MAX_ACTIVE_RUNS,
      concurrency: e.PLUGBOARD_WORKFLOW_CONCURRENCY,
      nodeTimeoutMs: e.PLUGBOARD_WORKFLOW_NODE_TIMEOUT,
      runTimeoutMs: e.PLUGBOARD_WORKFLOW_RUN_TIMEOUT,
      leaseMs: e.PLUGBOARD_WORKFLOW_LEASE,
      maxDepth: e.PLUGBOARD_WORKFLOW_MAX_DEPTH,
      codeNodes: e.PLUGBOARD_WORKFLOW_CODE_NODES,
    },
    extensions: {
      connectTimeoutMs: e.PLUGBOARD_EXTENSION_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: e.PLUGBOARD_EXTENSION_TIMEOUT_MS,
      pluginDir: path.resolve(e.PLUGBOARD_PLUGIN_DIR ?? path.join(e.PLUGBOARD_DATA_DIR, 'plugins')),
      pluginTimeoutMs: e.PLUGBOARD_PLUGIN_TIMEOUT_MS,
      pluginMemoryMb: e.PLUGBOARD_PLUGIN_MEMORY_MB,
    },
    adminEmails: e.PLUGBOARD_ADMIN_EMAILS,
  };
}

/** The durable queue lives in server Postgres: an embedded database serves one process only. */
function queueDriver(e: z.infer<typeof envSchema>): 'inline' | 'postgres' {
  if (e.PLUGBOARD_QUEUE === 'postgres' && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: PLUGBOARD_QUEUE=postgres needs DATABASE_URL (a Postgres server)');
  }
  return e.PLUGBOARD_QUEUE;
}

/**
 * Events reach subscribers on other processes only through Postgres or Redis. With the
 * Postgres queue, runs execute on any process: memory would silently lose their events, so
 * it is refused, and Postgres is the default.
 */
function pubsubDriver(e: z.infer<typeof envSchema>): Config['pubsub'] {
  const driver = e.PLUGBOARD_PUBSUB ?? (e.PLUGBOARD_QUEUE === 'postgres' ? 'postgres' : 'memory');
  if (driver === 'memory' && e.PLUGBOARD_QUEUE === 'postgres') {
    throw new ConfigError('Invalid configuration: PLUGBOARD_PUBSUB=memory cannot serve PLUGBOARD_QUEUE=postgres (runs execute on other processes): use postgres or redis');
  }
  if (driver === 'postgres' && !e.DATABASE_URL) throw new ConfigError('Invalid configuration: PLUGBOARD_PUBSUB=postgres needs DATABASE_URL (a Postgres server)');
  if (driver === 'redis' && !e.REDIS_URL) throw new ConfigError('Invalid configuration: PLUGBOARD_PUBSUB=redis needs REDIS_URL');
  return driver;
}

/** createMailer checks the chosen driver's settings; the sender must be a real address once mail leaves the machine. */
function mailSettings(e: z.infer<typeof envSchema>, dataDir: string): MailSettings {
  if (e.PLUGBOARD_MAIL !== 'outbox' && !e.PLUGBOARD_MAIL_FROM) {
    throw new ConfigError(`Invalid configuration: PLUGBOARD_MAIL_FROM is required when PLUGBOARD_MAIL=${e.PLUGBOARD_MAIL}`);
  }
  const transport: MailConfig =
    e.PLUGBOARD_MAIL === 'outbox'
      ? { driver: 'outbox', dir: path.join(dataDir, 'outbox') }
      : e.PLUGBOARD_MAIL === 'smtp'
        ? {
            driver: 'smtp',
            host: e.PLUGBOARD_SMTP_HOST ?? '',
            port: e.PLUGBOARD_SMTP_PORT,
            secure: e.PLUGBOARD_SMTP_SECURE,
            requireTls: e.PLUGBOARD_SMTP_REQUIRE_TLS,
            user: e.PLUGBOARD_SMTP_USER,
            password: e.PLUGBOARD_SMTP_PASSWORD,
            pool: e.PLUGBOARD_SMTP_POOL,
            tlsRejectUnauthorized: e.PLUGBOARD_SMTP_TLS_REJECT_UNAUTHORIZED,
          }
        : { driver: 'sendgrid', apiKey: e.SENDGRID_API_KEY ?? '', baseUrl: e.SENDGRID_BASE_URL };
  return {
    transport,
    from: { email: e.PLUGBOARD_MAIL_FROM ?? 'no-reply@plugboard.localhost', name: e.PLUGBOARD_MAIL_FROM_NAME },
    productName: e.PLUGBOARD_PRODUCT_NAME,
    supportUrl: e.PLUGBOARD_SUPPORT_URL,
    webUrl: e.PLUGBOARD_WEB_URL,
    maxAttempts: e.PLUGBOARD_MAIL_MAX_ATTEMPTS,
    retryDelayMs: e.PLUGBOARD_MAIL_RETRY_DELAY,
    recipientHourlyLimit: e.PLUGBOARD_MAIL_RECIPIENT_HOURLY_LIMIT,
    workspaceHourlyLimit: e.PLUGBOARD_MAIL_WORKSPACE_HOURLY_LIMIT,
    invitationTtlMs: e.PLUGBOARD_INVITATION_TTL,
    emailVerificationTtlMs: e.PLUGBOARD_EMAIL_VERIFICATION_TTL,
    passwordResetTtlMs: e.PLUGBOARD_PASSWORD_RESET_TTL,
    signInLinks: e.PLUGBOARD_SIGN_IN_LINKS,
  };
}

/** A client ID needs its secret (and OIDC its issuer): a half-configured provider stops startup. */
function oauthConfig(e: z.infer<typeof envSchema>): OAuthConfig {
  const pair = (prefix: string, id?: string, secret?: string) => {
    if (!id && !secret) return undefined;
    if (!id) throw new ConfigError(`Invalid configuration: ${prefix}_CLIENT_ID is required when ${prefix}_CLIENT_SECRET is set`);
    if (!secret) throw new ConfigError(`Invalid configuration: ${prefix}_CLIENT_SECRET is required when ${prefix}_CLIENT_ID is set`);
    return { clientId: id, clientSecret: secret };
  };
  const github = pair('OAUTH_GITHUB', e.OAUTH_GITHUB_CLIENT_ID, e.OAUTH_GITHUB_CLIENT_SECRET);
  const google = pair('OAUTH_GOOGLE', e.OAUTH_GOOGLE_CLIENT_ID, e.OAUTH_GOOGLE_CLIENT_SECRET);
  const oidc = pair('OAUTH_OIDC', e.OAUTH_OIDC_CLIENT_ID, e.OAUTH_OIDC_CLIENT_SECRET);
  if (oidc && !e.OAUTH_OIDC_ISSUER) throw new ConfigError('Invalid configuration: OAUTH_OIDC_ISSUER is required when OAUTH_OIDC_CLIENT_ID is set');
  if (!oidc && e.OAUTH_OIDC_ISSUER) throw new ConfigError('Invalid configuration: OAUTH_OIDC_CLIENT_ID is required when OAUTH_OIDC_ISSUER is set');
  const githubApi = e.OAUTH_GITHUB_URL === 'https://github.com' ? 'https://api.github.com' : `${e.OAUTH_GITHUB_URL}/api/v3`;
  return {
    sessionSecret: e.PLUGBOARD_SESSION_SECRET,
    redirectUrl: e.PLUGBOARD_OAUTH_REDIRECT_URL,
    github: github && { ...github, webUrl: e.OAUTH_GITHUB_URL, apiUrl: e.OAUTH_GITHUB_API_URL ?? githubApi },
    google,
    oidc: oidc && { ...oidc, name: e.OAUTH_OIDC_NAME, issuer: e.OAUTH_OIDC_ISSUER!, scope: e.OAUTH_OIDC_SCOPE },
  };
}

/** The chosen storage driver's settings; createStorage checks that the required ones are there. */
function storageConfig(e: z.infer<typeof envSchema>, dataDir: string): StorageConfig {
  switch (e.PLUGBOARD_STORAGE) {
    case 'local':
      return { driver: 'local', root: path.join(dataDir, 'files') };
    case 's3':
      return {
        driver: 's3',
        bucket: e.PLUGBOARD_S3_BUCKET ?? '',
        region: e.PLUGBOARD_S3_REGION ?? '',
        endpoint: e.PLUGBOARD_S3_ENDPOINT,
        forcePathStyle: e.PLUGBOARD_S3_FORCE_PATH_STYLE,
        accessKeyId: e.PLUGBOARD_S3_ACCESS_KEY_ID,
        secretAccessKey: e.PLUGBOARD_S3_SECRET_ACCESS_KEY,
        prefix: e.PLUGBOARD_S3_PREFIX,
      };
    case 'azure':
      return {
        driver: 'azure',
        container: e.PLUGBOARD_AZURE_CONTAINER,
        connectionString: e.PLUGBOARD_AZURE_CONNECTION_STRING,
        accountName: e.PLUGBOARD_AZURE_ACCOUNT,
        accountKey: e.PLUGBOARD_AZURE_ACCOUNT_KEY,
        sasUrl: e.PLUGBOARD_AZURE_SAS_URL,
        prefix: e.PLUGBOARD_AZURE_PREFIX,
      };
  }
}

/** "true"/"false", a hop count, or addresses/subnets as express accepts them. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** An empty variable (`PORT=`) means "use the default", as shells and .env files commonly write it. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
