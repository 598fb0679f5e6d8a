import path from 'node:path';
import { z } from 'zod';

const ALL_SUBGRAPHS = ['identity', 'apps'] as const;
export type SubgraphName = (typeof ALL_SUBGRAPHS)[number];

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
  PLUGBOARD_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  PLUGBOARD_SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(24 * 30),
  PLUGBOARD_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  maxBodyBytes: number;
  sessionTtlHours: number;
  shutdownTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

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
    maxBodyBytes: e.PLUGBOARD_MAX_BODY_BYTES,
    sessionTtlHours: e.PLUGBOARD_SESSION_TTL_HOURS,
    shutdownTimeoutMs: e.PLUGBOARD_SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}

/** An empty variable (`PORT=`) means "use the default", as shells and .env files commonly write it. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
