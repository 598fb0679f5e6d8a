/**
 * The extension points ("modules") of the ExtensionManager. Each declares the points an
 * extension of it answers, with the JSON Schema of every point's input and output (checked
 * at run time, whatever runs the extension: an API endpoint or a plugin), and the form a
 * workspace fills in to configure one. Point names and shapes are Dify's API-based
 * extension protocol, so existing endpoints work unchanged.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { ExtensionModuleName, FormField } from './plugins/plugin.types.js';

export type JsonSchema = Record<string, unknown>;

export interface ExtensionPoint {
  /** e.g. `app.moderation.input`; sent as `point` to API extensions. */
  name: string;
  input: JsonSchema;
  output: JsonSchema;
}

export interface ExtensionModule {
  name: ExtensionModuleName;
  description: string;
  points: ExtensionPoint[];
  /** Settings of an extension of this module (a plugin adds its own). */
  form: FormField[];
  /** Whether an API endpoint can implement it (the `tool` module is for code plugins). */
  apiBased: boolean;
}

const appId = { type: 'string', maxLength: 100 };
const inputs = { type: 'object', additionalProperties: true };
const text = { type: 'string', maxLength: 1_000_000 };
const moderationAnswer = (extra: Record<string, JsonSchema>) => ({
  type: 'object',
  required: ['flagged', 'action'],
  properties: {
    flagged: { type: 'boolean' },
    action: { enum: ['direct_output', 'overridden'] },
    preset_response: text,
    ...extra,
  },
});

export const EXTENSION_MODULES_INFO: readonly ExtensionModule[] = [
  {
    name: 'moderation',
    description: 'Checks what users send to an app and what it answers: flags content, answers a preset response, or overrides the text.',
    apiBased: true,
    points: [
      {
        name: 'app.moderation.input',
        input: { type: 'object', required: ['app_id', 'inputs', 'query'], properties: { app_id: appId, inputs, query: text }, additionalProperties: false },
        output: moderationAnswer({ inputs, query: text }),
      },
      {
        name: 'app.moderation.output',
        input: { type: 'object', required: ['app_id', 'text'], properties: { app_id: appId, text }, additionalProperties: false },
        output: moderationAnswer({ text }),
      },
    ],
    form: [
      { name: 'check_inputs', label: 'Check inputs', type: 'boolean', required: false, default: true },
      { name: 'check_outputs', label: 'Check outputs', type: 'boolean', required: false, default: true },
      { name: 'preset_response', label: 'Preset response', type: 'paragraph', required: false, default: 'Your content violates our usage policy.', description: 'Answered when content is flagged and the extension sends none.' },
    ],
  },
  {
    name: 'external_data_tool',
    description: 'Fetches extra context for an app from outside (a knowledge base, a CRM, an API) before the model runs.',
    apiBased: true,
    points: [
      {
        name: 'app.external_data_tool.query',
        input: {
          type: 'object',
          required: ['app_id', 'tool_variable', 'inputs', 'query'],
          properties: { app_id: appId, tool_variable: { type: 'string', minLength: 1, maxLength: 100 }, inputs, query: text },
          additionalProperties: false,
        },
        output: { type: 'object', required: ['result'], properties: { result: text } },
      },
    ],
    form: [{ name: 'variable', label: 'Variable', type: 'string', required: true, description: 'The app variable the result fills (tool_variable).' }],
  },
  {
    name: 'tool',
    description: 'A code plugin that provides tools; they appear in the tool manager as a PLUGIN provider.',
    apiBased: false,
    points: [
      {
        name: 'tool.invoke',
        input: { type: 'object', required: ['tool', 'params'], properties: { tool: { type: 'string' }, params: { type: 'object' } } },
        output: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } } },
      },
    ],
    form: [],
  },
];

/** Answers to `ping`, which every API extension must give (checked when it is saved). */
export const PING_POINT = 'ping';

const ajv = new Ajv({ strict: false, allErrors: false });
const validators = new Map<string, { input: ValidateFunction; output: ValidateFunction }>();
for (const module of EXTENSION_MODULES_INFO) {
  for (const point of module.points) validators.set(point.name, { input: ajv.compile(point.input), output: ajv.compile(point.output) });
}

export function moduleInfo(name: ExtensionModuleName): ExtensionModule {
  return EXTENSION_MODULES_INFO.find((module) => module.name === name)!;
}

/** Null when `value` satisfies the point's contract, else a short reason naming the path. */
export function contractViolation(point: string, side: 'input' | 'output', value: unknown): string | null {
  const validate = validators.get(point)?.[side];
  if (!validate) return `unknown point ${point}`;
  if (validate(value)) return null;
  const error = validate.errors?.[0];
  return `${error?.instancePath || '(root)'} ${error?.message ?? 'is invalid'}`;
}
