/**
 * What a plugin hands back, checked on the gateway's side of the IPC channel (the plugin's
 * process is untrusted, including its bootstrap): JSON text within the size budget, then
 * the extension point's shape. Anything else is PLUGIN_OUTPUT_INVALID.
 */
import { z } from 'zod';
import type { ToolMessage } from '../../tools/tool.types.js';
import { formatPath } from './manifest.js';
import { PluginOutputInvalidError } from './plugin-errors.js';
import type { PluginCall } from './plugin.types.js';

export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

const record = z.record(z.string(), z.unknown());
const action = z.enum(['direct_output', 'overridden']).default('direct_output');

/** Dify's ModerationInputsResult. */
const moderationInput = z.object({
  flagged: z.boolean(),
  action,
  preset_response: z.string().optional(),
  inputs: record.optional(),
  query: z.string().optional(),
});

/** Dify's ModerationOutputsResult. */
const moderationOutput = z.object({
  flagged: z.boolean(),
  action,
  preset_response: z.string().optional(),
  text: z.string().optional(),
});

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

const toolMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('TEXT'), text: z.string() }),
  z.strictObject({ type: z.literal('JSON'), json: z.unknown().refine((value) => value !== undefined, 'is required') }),
  z.strictObject({ type: z.literal('LINK'), url: httpUrl, title: z.string().optional() }),
  z.strictObject({ type: z.literal('IMAGE'), url: httpUrl, mimeType: z.string().optional() }),
  z.strictObject({
    type: z.literal('BLOB'),
    mimeType: z.string().min(1),
    sequence: z.number().int().min(0),
    data: z.base64(),
    totalLength: z.number().int().min(0).nullable(),
    final: z.boolean(),
  }),
  // No fileId: a plugin cannot vouch for a stored file (it could name another workspace's).
  z.strictObject({ type: z.literal('FILE'), name: z.string().min(1), mimeType: z.string().min(1), url: httpUrl.optional(), size: z.number().int().min(0).optional() }),
  z.strictObject({ type: z.literal('VARIABLE'), name: z.string().min(1).max(128), value: z.unknown() }),
  z.strictObject({ type: z.literal('LOG'), level: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), message: z.string(), data: z.unknown().optional() }),
]);

/** Parses JSON text from the plugin after checking its size (bytes, as UTF-8). */
export function parseOutputJson(json: string, maxBytes: number, plugin: string): unknown {
  if (Buffer.byteLength(json) > maxBytes) throw new PluginOutputInvalidError(`Plugin ${plugin} returned more than ${maxBytes} bytes`, { plugin });
  try {
    return JSON.parse(json);
  } catch {
    throw new PluginOutputInvalidError(`Plugin ${plugin} returned invalid JSON`, { plugin });
  }
}

function invalid(plugin: string, what: string, error: z.ZodError): PluginOutputInvalidError {
  const issue = error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  const problem = issue ? `${where === '' ? '' : `${where} `}${issue.message}` : 'has the wrong shape';
  return new PluginOutputInvalidError(`Plugin ${plugin} returned an invalid ${what}: ${problem}`, { plugin });
}

/** The checked (and normalised: `action` defaults to direct_output) result of a non-tool call. */
export function checkResult(point: Exclude<PluginCall['point'], 'tool.invoke'>, value: unknown, plugin: string): unknown {
  const schema = point === 'app.moderation.input' ? moderationInput : point === 'app.moderation.output' ? moderationOutput : z.string();
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(plugin, `result for ${point}`, parsed.error);
  return parsed.data;
}

export function checkToolMessage(value: unknown, plugin: string): ToolMessage {
  const parsed = toolMessage.safeParse(value);
  if (!parsed.success) throw invalid(plugin, 'tool message', parsed.error);
  return parsed.data as ToolMessage;
}
