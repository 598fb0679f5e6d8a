/**
 * What PluginHost.call throws. Each class carries one of the stable codes of
 * PluginCallError (plugin.types.ts); an outbound request to an undeclared or refused host
 * is the shared DestinationBlockedError (DESTINATION_BLOCKED). Messages never carry a
 * plugin's stack trace, only its own (trimmed) message.
 */
import { AppError } from '../../errors.js';

export { DestinationBlockedError } from '../../errors.js';

/** The call outlived its time limit; the plugin's process was killed and starts again on the next call. */
export class PluginTimeoutError extends AppError {
  readonly code = 'PLUGIN_TIMEOUT';
}

/** The plugin's process died (out of memory, exit, uncaught exception, protocol violation). */
export class PluginCrashedError extends AppError {
  readonly code = 'PLUGIN_CRASHED';
}

/** The plugin's code threw (or does not implement the extension point): its message, trimmed. */
export class PluginFailedError extends AppError {
  readonly code = 'PLUGIN_ERROR';
}

/** The plugin crashed too often (or was unregistered): calls are refused until it is registered again. */
export class PluginDisabledError extends AppError {
  readonly code = 'PLUGIN_DISABLED';
}

/** The plugin returned something that is not JSON, too large, or not the extension point's shape. */
export class PluginOutputInvalidError extends AppError {
  readonly code = 'PLUGIN_OUTPUT_INVALID';
}

export const MAX_PLUGIN_MESSAGE_LENGTH = 500;

/** A plugin-supplied message as shown to callers: whitespace-trimmed, at most 500 characters. */
export function pluginMessage(raw: unknown, fallback = 'The plugin failed without a message'): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return fallback;
  return text.length > MAX_PLUGIN_MESSAGE_LENGTH ? `${text.slice(0, MAX_PLUGIN_MESSAGE_LENGTH - 1)}…` : text;
}

/** How an aborted call rejects: the same DOMException `fetch` and the guarded client use. */
export function pluginAbortError(reason: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The plugin call was aborted', 'AbortError');
}
