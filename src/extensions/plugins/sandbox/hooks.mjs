/**
 * The off-thread resolve hook for Node versions without `module.registerHooks` (Node 20,
 * 22 before 22.15), loaded with `module.register`. It runs on Node's loader thread, out of
 * the plugin's reach, and applies the same policy as the in-thread hook.
 */
import { checkResolved } from './import-policy.mjs';

export async function resolve(specifier, context, nextResolve) {
  return checkResolved(await nextResolve(specifier, context), context.parentURL);
}
