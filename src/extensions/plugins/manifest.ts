/**
 * `plugboard.json`: parsed and checked field by field with zod. Every problem becomes a
 * ValidationError (BAD_USER_INPUT) naming the source and the field path, e.g.
 * `plugboard.json: tools[0].name is required`, so a plugin author can fix the manifest
 * without reading our code. Unknown keys are refused at every level: a typo
 * (`permission` for `permissions`) must not silently drop a setting.
 */
import path from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { PARAMETER_TYPES, type ToolParameter } from '../../tools/tool.types.js';
import { parseHostPattern } from './plugin-permissions.js';
import { EXTENSION_MODULES, FORM_FIELD_TYPES, type FormField, type PluginManifest } from './plugin.types.js';

const PLUGIN_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TOOL_NAME = /^[A-Za-z0-9_.-]+$/;
/** semver.org's reference expression (no leading "v"). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const ENTRY_EXTENSIONS = ['.mjs', '.js'];
const MAX_ISSUES = 10;

/** An enum's message: "is required" when absent (a schema-level error would hide that), else the choices. */
const oneOf = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`),
});

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

const formField = z
  .strictObject({
    name: z.string().max(64, { error: 'must be at most 64 characters' }).regex(FIELD_NAME, { error: 'must match [A-Za-z_][A-Za-z0-9_]*' }),
    label: text(200),
    type: z.enum(FORM_FIELD_TYPES, oneOf(FORM_FIELD_TYPES)),
    required: z.boolean().default(false),
    default: z.unknown().optional(),
    options: z.array(text(200)).min(1, { error: 'must list at least one option' }).optional(),
    description: z.string().max(2000).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'select' && field.options === undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'is required for a select field' });
    }
    if (field.type !== 'select' && field.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'is only allowed for a select field' });
    }
    if (field.options) duplicates(field.options).forEach((i) => ctx.addIssue({ code: 'custom', path: ['options', i], message: 'is listed twice' }));
    if (field.default === undefined) return;
    const problem = formDefaultProblem(field.type, field.default, field.options);
    if (problem) ctx.addIssue({ code: 'custom', path: ['default'], message: problem });
  });

function formDefaultProblem(type: FormField['type'], value: unknown, options: string[] | undefined): string | undefined {
  switch (type) {
    case 'string':
    case 'paragraph':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'select':
      return typeof value === 'string' && (options ?? []).includes(value) ? undefined : 'must be one of the options';
    case 'secret':
      // A default written into the manifest is readable by anyone who has the plugin: not a secret.
      return 'is not allowed for a secret field';
  }
}

const toolParameter = z
  .strictObject({
    name: z.string().max(64, { error: 'must be at most 64 characters' }).regex(FIELD_NAME, { error: 'must match [A-Za-z_][A-Za-z0-9_]*' }),
    type: z.enum(PARAMETER_TYPES, oneOf(PARAMETER_TYPES)),
    required: z.boolean().default(false),
    description: text(2000),
    default: z.unknown().optional(),
    options: z.array(text(200)).min(1, { error: 'must list at least one option' }).optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((parameter, ctx) => {
    if (parameter.type === 'SELECT' && parameter.options === undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'is required for a SELECT parameter' });
    }
    if (parameter.type !== 'SELECT' && parameter.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'is only allowed for a SELECT parameter' });
    }
    if (parameter.default === undefined) return;
    const problem = parameterDefaultProblem(parameter.type, parameter.default, parameter.options);
    if (problem) ctx.addIssue({ code: 'custom', path: ['default'], message: problem });
  });

function parameterDefaultProblem(type: ToolParameter['type'], value: unknown, options: string[] | undefined): string | undefined {
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'INTEGER':
      return Number.isSafeInteger(value) ? undefined : 'must be an integer';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'SELECT':
      return typeof value === 'string' && (options ?? []).includes(value) ? undefined : 'must be one of the options';
    case 'OBJECT':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be an object';
    case 'ARRAY':
      return Array.isArray(value) ? undefined : 'must be an array';
    case 'FILE':
      return 'is not allowed for a FILE parameter';
  }
}

const tool = z
  .strictObject({
    name: z.string().max(128, { error: 'must be at most 128 characters' }).regex(TOOL_NAME, { error: 'must match [A-Za-z0-9_.-]+' }),
    description: text(2000),
    parameters: z.array(toolParameter).default([]),
  })
  .superRefine((definition, ctx) => {
    for (const i of duplicates(definition.parameters.map((p) => p.name))) {
      ctx.addIssue({ code: 'custom', path: ['parameters', i, 'name'], message: 'is used by another parameter' });
    }
  });

const hostEntry = z.string().transform((raw, ctx) => {
  const parsed = parseHostPattern(raw);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return raw.trim().toLowerCase();
});

const manifestSchema = z
  .strictObject({
    name: z
      .string()
      .max(64, { error: 'must be at most 64 characters' })
      .regex(PLUGIN_NAME, { error: 'must be lower-case letters, digits, ".", "_" or "-", starting with a letter or digit' }),
    version: z.string().max(256).regex(SEMVER, { error: 'must be a semantic version, e.g. 1.0.0' }),
    author: text(200),
    description: text(2000),
    module: z.enum(EXTENSION_MODULES, oneOf(EXTENSION_MODULES)),
    entry: z
      .string()
      .default('index.mjs')
      .transform((raw, ctx) => {
        const problem = entryProblem(raw);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        return path.posix.normalize(raw);
      }),
    config: z.array(formField).default([]),
    tools: z.array(tool).optional(),
    permissions: z.strictObject({ hosts: z.array(hostEntry).max(100, { error: 'must list at most 100 hosts' }).default([]) }).default({ hosts: [] }),
  })
  .superRefine((manifest, ctx) => {
    for (const i of duplicates(manifest.config.map((f) => f.name))) {
      ctx.addIssue({ code: 'custom', path: ['config', i, 'name'], message: 'is used by another field' });
    }
    if (manifest.module === 'tool') {
      if (manifest.tools === undefined) ctx.addIssue({ code: 'custom', path: ['tools'], message: 'is required for a tool plugin' });
      else if (manifest.tools.length === 0) ctx.addIssue({ code: 'custom', path: ['tools'], message: 'must list at least one tool' });
      for (const i of duplicates((manifest.tools ?? []).map((t) => t.name))) {
        ctx.addIssue({ code: 'custom', path: ['tools', i, 'name'], message: 'is used by another tool' });
      }
    } else if (manifest.tools !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tools'], message: `is only allowed for a tool plugin (module is ${manifest.module})` });
    }
  });

/** Why `entry` is not a relative path to an ES module inside the plugin folder, or undefined. */
function entryProblem(raw: string): string | undefined {
  if (raw.trim() === '' || raw.length > 256) return 'must be a relative path of at most 256 characters';
  if (raw.includes('\\') || raw.includes('\0')) return 'must use "/" as the separator';
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return 'must be a relative path inside the plugin, not an absolute one';
  const normalized = path.posix.normalize(raw);
  if (normalized === '..' || normalized.startsWith('../') || raw.split('/').includes('..')) return 'must stay inside the plugin folder (no "..")';
  if (!ENTRY_EXTENSIONS.some((ext) => normalized.endsWith(ext))) return `must be an ES module file (${ENTRY_EXTENSIONS.join(' or ')})`;
  return undefined;
}

/** Indexes of values already seen earlier in the list. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) repeated.push(i);
    seen.add(value);
  });
  return repeated;
}

/** `tools[0].name`, `permissions.hosts[2]`; the empty path is the document itself. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Readable zod messages for the issues whose schema gives none. */
const issueText: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${article(issue.expected === 'object' ? 'JSON object' : issue.expected)}`;
  }
  return undefined;
};

function describeIssues(issues: readonly z.core.$ZodIssue[], source: string): { message: string; problems: string[] } {
  const problems: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`${formatPath([...issue.path, key])} is not a known field`);
    } else {
      const where = formatPath(issue.path);
      problems.push(where === '' ? issue.message : `${where} ${issue.message}`);
    }
  }
  const shown = problems.slice(0, MAX_ISSUES);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  return { message: `${source}: ${shown.join('; ')}${more}`, problems };
}

/** The manifest with defaults applied (entry `index.mjs`, empty config/tools/hosts), or a ValidationError naming every problem. */
export function parsePluginManifest(json: unknown, source: string): PluginManifest {
  const result = manifestSchema.safeParse(json, { error: issueText });
  if (!result.success) {
    const { message, problems } = describeIssues(result.error.issues, source);
    throw new ValidationError(message, { source, problems });
  }
  const { tools, ...rest } = result.data;
  return { ...rest, tools: tools ?? [] };
}

interface SemVer {
  core: [string, string, string];
  prerelease: string[];
}

function parseSemVer(version: string): SemVer {
  const match = SEMVER.exec(version);
  if (!match) throw new ValidationError(`"${version.slice(0, 64)}" is not a semantic version`);
  return { core: [match[1]!, match[2]!, match[3]!], prerelease: match[4] ? match[4].split('.') : [] };
}

/** Numeric strings without leading zeros (as semver requires) compare by length, then text: no precision loss past 2^53. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** semver precedence: -1, 0 or 1. Build metadata (`+…`) is ignored; 1.0.0-rc.1 < 1.0.0. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = parseSemVer(a);
  const right = parseSemVer(b);
  for (let i = 0; i < 3; i++) {
    const order = compareNumeric(left.core[i]!, right.core[i]!);
    if (order !== 0) return order as -1 | 1;
  }
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    if (left.prerelease.length === right.prerelease.length) return 0;
    return left.prerelease.length === 0 ? 1 : -1;
  }
  const length = Math.max(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = left.prerelease[i];
    const y = right.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    let order: number;
    if (xNumeric && yNumeric) order = compareNumeric(x, y);
    else if (xNumeric !== yNumeric) order = xNumeric ? -1 : 1;
    else order = x === y ? 0 : x < y ? -1 : 1;
    if (order !== 0) return order as -1 | 1;
  }
  return 0;
}

/** True when installing `candidate` over `installed` would go back in version (refused by the installer). */
export function isDowngrade(installed: string, candidate: string): boolean {
  return compareVersions(candidate, installed) < 0;
}
