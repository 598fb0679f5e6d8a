import { canonicalId } from '../shared/ids.js';

/** The ID of the built-in provider, and the first part of its tools' IDs. */
export const BUILTIN_PROVIDER_ID = 'builtin';

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** `builtin/<name>` or `<providerId>/<name>`: stable as long as the provider keeps the tool. */
export function toolId(providerId: string, toolName: string): string {
  return `${providerId}/${toolName}`;
}

/** Splits a tool ID; null for anything malformed (which then answers NOT_FOUND, like an unknown ID). */
export function parseToolId(id: string): { providerId: string; toolName: string } | null {
  const slash = id.indexOf('/');
  if (slash < 0) return null;
  const toolName = id.slice(slash + 1);
  if (!TOOL_NAME.test(toolName)) return null;
  const rawProvider = id.slice(0, slash);
  const providerId = rawProvider === BUILTIN_PROVIDER_ID ? rawProvider : canonicalId(rawProvider);
  return providerId ? { providerId, toolName } : null;
}
