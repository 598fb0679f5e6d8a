import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { isStorableText } from '../shared/input.js';
import type { AppMode } from './app.entity.js';

const model = z
  .object({
    provider: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  })
  .strict();

const conversational = {
  model: model.optional(),
  prePrompt: z.string().max(20_000).optional(),
  openingStatement: z.string().max(2_000).optional(),
  suggestedQuestions: z.array(z.string().min(1).max(300)).max(10).optional(),
};

/** What `config` may hold for each mode; unknown keys are refused so typos surface. */
const CONFIG_BY_MODE: Record<AppMode, z.ZodType<Record<string, unknown>>> = {
  CHAT: z.object(conversational).strict(),
  COMPLETION: z.object({ model: model.optional(), prePrompt: z.string().max(20_000).optional() }).strict(),
  AGENT: z
    .object({
      ...conversational,
      tools: z.array(z.object({ toolId: z.string().min(1).max(200) }).strict()).max(50).optional(),
      maxIterations: z.number().int().min(1).max(50).optional(),
    })
    .strict(),
  // The graph itself is versioned separately (workflows domain); the app keeps presentation only.
  WORKFLOW: z
    .object({
      openingStatement: z.string().max(2_000).optional(),
      // Like Dify's max active requests: runs queued or running at once (default PLUGBOARD_WORKFLOW_MAX_ACTIVE_RUNS).
      maxActiveRuns: z.number().int().min(1).max(10_000).optional(),
      // Mail to whoever started a run when it ends: OFF, FAILURES or ALL (src/workflows/run-notifications.ts).
      runNotifications: z.enum(['OFF', 'FAILURES', 'ALL']).optional(),
    })
    .strict(),
};

/** The path of the first string (key or value) in `value` that Postgres cannot store, if any. */
function unstorableTextAt(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextAt(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = isStorableText(key) ? unstorableTextAt(item, [...path, key]) : [...path, key];
      if (found) return found;
    }
  }
  return null;
}

/** Validates an app's config for its mode; errors name the offending path. */
export function validateAppConfig(mode: AppMode, config: unknown): Record<string, unknown> {
  const badText = unstorableTextAt(config);
  if (badText) {
    const at = ['config', ...badText].join('.');
    throw new ValidationError(`Invalid ${mode} app config at ${at}: text contains NUL or broken characters`, { field: at });
  }
  const parsed = CONFIG_BY_MODE[mode].safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = ['config', ...issue.path].join('.');
    throw new ValidationError(`Invalid ${mode} app config at ${at}: ${issue.message}`, { field: at });
  }
  return parsed.data;
}
