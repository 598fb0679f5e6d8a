/**
 * Which Node built-in modules plugin code may load: an allowlist, so that a module Node adds
 * later is refused until someone decides otherwise. Refused on purpose: everything that
 * reaches the network (net, http, https, http2, tls, dgram, dns, and tty whose WriteStream
 * is a net.Socket), runs other code or processes (child_process, cluster, worker_threads,
 * vm, repl, wasi), looks inside the process (inspector, v8, trace_events,
 * diagnostics_channel, domain) and sqlite (which, on Node 24.21, creates files outside the
 * permission model's grants). `async_hooks` and `module` are replaced by shims exposing
 * only their harmless parts: createHook/executionAsyncResource hand out raw libuv handle
 * objects, and `module.register`/`registerHooks` would let a plugin put its own resolver
 * ahead of this one.
 *
 * This file runs inside the plugin's process, possibly on the plugin's own thread (Node
 * 22.15+/24 `module.registerHooks`), where plugin code may have replaced
 * String.prototype.startsWith and friends by then: everything used at check time is
 * captured when this module is first evaluated, before any plugin code runs.
 */
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const StringPrototypeStartsWith = uncurryThis(String.prototype.startsWith);
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const ErrorConstructor = Error;
const ObjectFreeze = Object.freeze;

const ALLOWED = ObjectFreeze({
  __proto__: null,
  assert: true,
  'assert/strict': true,
  buffer: true,
  console: true,
  constants: true,
  crypto: true,
  events: true,
  fs: true,
  'fs/promises': true,
  os: true,
  path: true,
  'path/posix': true,
  'path/win32': true,
  perf_hooks: true,
  process: true,
  punycode: true,
  querystring: true,
  readline: true,
  'readline/promises': true,
  stream: true,
  'stream/consumers': true,
  'stream/promises': true,
  'stream/web': true,
  string_decoder: true,
  timers: true,
  'timers/promises': true,
  url: true,
  util: true,
  'util/types': true,
  zlib: true,
});

const SANDBOX_URL = new URL('./', import.meta.url).href;

const SHIM_URLS = ObjectFreeze({
  __proto__: null,
  async_hooks: new URL('./shims/async-hooks.mjs', import.meta.url).href,
  module: new URL('./shims/module.mjs', import.meta.url).href,
});

/** `node:fs/promises` or `fs/promises` → `fs/promises`. */
export function builtinName(specifier) {
  return StringPrototypeStartsWith(specifier, 'node:') ? StringPrototypeSlice(specifier, 5) : specifier;
}

export function isAllowedBuiltin(name) {
  return ALLOWED[name] === true;
}

export function hasShim(name) {
  return SHIM_URLS[name] !== undefined;
}

export function refusal(name) {
  const error = new ErrorConstructor(`Plugins may not use node:${name}`);
  error.code = 'ERR_PLUGIN_MODULE_REFUSED';
  return error;
}

function fromSandbox(parentURL) {
  return typeof parentURL === 'string' && StringPrototypeStartsWith(parentURL, SANDBOX_URL);
}

/** Applies the policy to what the default resolver found: shims swapped in, refused built-ins thrown. */
export function checkResolved(result, parentURL) {
  const url = result === null || typeof result !== 'object' ? undefined : result.url;
  if (typeof url !== 'string') throw new ErrorConstructor('Module resolution returned no URL');
  // The bootstrap and the shims themselves import the real modules.
  if (!StringPrototypeStartsWith(url, 'node:') || fromSandbox(parentURL)) return result;
  const name = StringPrototypeSlice(url, 5);
  const shim = SHIM_URLS[name];
  if (shim !== undefined) return { url: shim, format: 'module', shortCircuit: true };
  if (ALLOWED[name] === true) return result;
  throw refusal(name);
}

/** The in-thread hook (`module.registerHooks`), which also covers require(). */
export function resolveSync(specifier, context, nextResolve) {
  return checkResolved(nextResolve(specifier, context), context.parentURL);
}
