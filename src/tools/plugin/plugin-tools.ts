/**
 * PLUGIN tool providers: the tools of a code plugin of module `tool`, enabled in a
 * workspace as an extension. Their calls run in the plugin's sandbox (PluginHost) and
 * stream messages back; they are validated, timed, cancelled and recorded like every tool.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { PluginCall, PluginCallOptions, PluginToolManifest } from '../../extensions/plugins/plugin.types.js';
import type { Tool, ToolInvocation, ToolMessage, ToolProvider } from '../tool.types.js';

/** What a PLUGIN provider row stores (its secret form values are sealed like credentials). */
export interface PluginProviderDefinition {
  plugin: string;
  version: string;
  tools: PluginToolManifest[];
  /** Non-secret configuration values. */
  config: Record<string, unknown>;
}

/** The part of the PluginHost tools need. */
export interface PluginToolHost {
  call(name: string, call: PluginCall, options: PluginCallOptions): Promise<unknown>;
}

class PluginOutputInvalidError extends AppError {
  readonly code = 'PLUGIN_OUTPUT_INVALID';
}
class PluginUnavailableError extends AppError {
  readonly code = 'PLUGIN_DISABLED';
}

const text = z.string().max(1_000_000);
const MESSAGE = z.discriminatedUnion('type', [
  z.object({ type: z.literal('TEXT'), text }).strict(),
  z.object({ type: z.literal('JSON'), json: z.unknown() }).strict(),
  z.object({ type: z.literal('LINK'), url: z.string().url().max(2048), title: z.string().max(500).optional() }).strict(),
  z.object({ type: z.literal('IMAGE'), url: z.string().url().max(2048), mimeType: z.string().max(255).optional() }).strict(),
  z.object({ type: z.literal('BLOB'), mimeType: z.string().max(255), sequence: z.number().int().min(0), data: z.string().base64(), totalLength: z.number().int().min(0).nullable(), final: z.boolean() }).strict(),
  z.object({ type: z.literal('VARIABLE'), name: z.string().min(1).max(128), value: z.unknown() }).strict(),
  z.object({ type: z.literal('LOG'), level: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), message: z.string().max(10_000), data: z.unknown().optional() }).strict(),
]);

/** A message a plugin yielded, checked: plugins cannot make up FILE messages (files are Plugboard's). */
export function checkPluginMessage(value: unknown): ToolMessage {
  const parsed = MESSAGE.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PluginOutputInvalidError(`The plugin yielded an invalid tool message: ${issue?.path.join('.') || '(message)'} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data as ToolMessage;
}

export function pluginToolProvider(definition: PluginProviderDefinition, host: PluginToolHost | undefined): ToolProvider {
  const tools: Tool[] = definition.tools.map((manifest) => ({
    definition: { name: manifest.name, description: manifest.description, parameters: manifest.parameters },
    invoke: (invocation) => invokePluginTool(host, definition, manifest.name, invocation),
  }));
  return { kind: 'PLUGIN', tools: () => tools };
}

/** Turns the host's message callbacks into the stream the ToolManager reads. */
async function* invokePluginTool(host: PluginToolHost | undefined, definition: PluginProviderDefinition, tool: string, invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  if (!host) throw new PluginUnavailableError('Code plugins do not run on this server');
  const pending: ToolMessage[] = [];
  let failure: unknown;
  let done = false;
  let wake: (() => void) | undefined;
  const settle = () => {
    wake?.();
    wake = undefined;
  };
  void host
    .call(
      definition.plugin,
      { point: 'tool.invoke', tool, params: invocation.parameters },
      {
        // Secret form values travel as the provider's credentials.
        config: { ...definition.config, ...invocation.credentials },
        signal: invocation.signal,
        onMessage: (message) => {
          if (failure) return;
          try {
            pending.push(checkPluginMessage(message));
          } catch (error) {
            failure = error;
          }
          settle();
        },
      },
    )
    .then(
      () => {
        done = true;
        settle();
      },
      (error: unknown) => {
        failure ??= error;
        done = true;
        settle();
      },
    );
  for (;;) {
    if (pending.length > 0) {
      yield pending.shift()!;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
