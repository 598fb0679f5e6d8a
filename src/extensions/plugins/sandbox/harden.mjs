/**
 * Locks down the plugin's process before any plugin code runs. Node's permission model
 * (set on the command line by the host) already refuses file reads outside the plugin and
 * sandbox folders, all file writes, child processes, workers, native addons, WASI and the
 * inspector. On Node 20 and 24 it does not cover the network, signals or the IPC channel,
 * so this closes the JavaScript routes to them:
 *
 * - the import gate (import-policy.mjs) on ESM imports, require() and
 *   process.getBuiltinModule: no net/http/tls/dns/dgram/child_process/worker_threads/vm/…;
 * - the global fetch, WebSocket and EventSource are removed (ctx.fetch replaces them);
 * - signals only to the plugin's own process: process.kill(process.ppid) or kill(0) (the
 *   process group) would reach the gateway, and process._debugProcess(pid) would switch on
 *   the gateway's inspector;
 * - the raw handle lists (process._getActiveHandles/_getActiveRequests) are removed.
 *
 * None of this is a security boundary in the sense of an OS sandbox: it removes every route
 * we know of, in a runtime whose maintainers state that the permission model "does not
 * protect against malicious code".
 */
import AsyncHooks from 'node:async_hooks';
import Module from 'node:module';
import { builtinName, hasShim, isAllowedBuiltin, refusal, resolveSync } from './import-policy.mjs';

const ReflectApply = Reflect.apply;
const ErrorConstructor = Error;
// Captured: plugin code could overwrite process.pid with the gateway's pid before calling kill.
const OWN_PID = process.pid;

function refuseWith(message) {
  return function refused() {
    const error = new ErrorConstructor(message);
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
}

/** What require()/getBuiltinModule return for the shimmed modules. */
function cjsShims() {
  const asyncHooks = Object.freeze({
    AsyncLocalStorage: AsyncHooks.AsyncLocalStorage,
    AsyncResource: AsyncHooks.AsyncResource,
    executionAsyncId: AsyncHooks.executionAsyncId,
    triggerAsyncId: AsyncHooks.triggerAsyncId,
  });
  const moduleShim = Object.freeze({
    createRequire: Module.createRequire,
    isBuiltin: Module.isBuiltin,
    builtinModules: Object.freeze([...Module.builtinModules]),
  });
  return { __proto__: null, async_hooks: asyncHooks, module: moduleShim };
}

/**
 * The gate on ESM imports: in-thread where Node has module.registerHooks (22.15+, 24; it
 * also covers require()), else on the loader thread via module.register (which needs the
 * --allow-worker the host passes only in that case).
 */
export function installImportGate() {
  if (typeof Module.registerHooks === 'function') {
    Module.registerHooks({ resolve: resolveSync });
  } else {
    Module.register(new URL('./hooks.mjs', import.meta.url));
  }
}

/** require() in CommonJS plugin code and process.getBuiltinModule(): the same allowlist. */
function gateRequire() {
  const shims = cjsShims();
  const isBuiltin = Module.isBuiltin;
  const originalLoad = Module._load;
  Module._load = function _load(request, parent, isMain) {
    if (typeof request === 'string' && isBuiltin(request)) {
      const name = builtinName(request);
      if (hasShim(name)) return shims[name];
      if (!isAllowedBuiltin(name)) throw refusal(name);
    }
    return ReflectApply(originalLoad, this, [request, parent, isMain]);
  };

  const originalGet = process.getBuiltinModule;
  if (typeof originalGet === 'function') {
    process.getBuiltinModule = function getBuiltinModule(id) {
      if (typeof id === 'string' && isBuiltin(id)) {
        const name = builtinName(id);
        if (hasShim(name)) return shims[name];
        if (!isAllowedBuiltin(name)) throw refusal(name);
      }
      return ReflectApply(originalGet, process, [id]);
    };
  }

  // Reachable from CommonJS as module.constructor: a plugin's own hook would run before ours.
  Module.register = refuseWith('Plugins may not register module hooks');
  Module.registerHooks = refuseWith('Plugins may not register module hooks');
}

/** Built-in functions that act on other processes, replaced in the modules plugins may import. */
function poisonBuiltins() {
  const os = process.getBuiltinModule ? process.getBuiltinModule('os') : undefined;
  if (os) {
    const setPriority = os.setPriority;
    os.setPriority = function guardedSetPriority(pid, priority) {
      if (priority === undefined) return setPriority(pid);
      if (pid !== 0 && pid !== OWN_PID) refuseWith('Plugins may only change their own priority')();
      return setPriority(pid, priority);
    };
  }
  // Only reachable at all on Node 20, where --allow-worker is set for the loader thread.
  const workers = process.getBuiltinModule ? process.getBuiltinModule('worker_threads') : undefined;
  if (workers) workers.Worker = refuseWith('Plugins may not start worker threads');
  // ESM named imports are copies of the CommonJS exports: resynchronise them.
  Module.syncBuiltinESMExports();
}

/** Signals only to itself. process.kill() calls process._kill(), so guarding the latter covers both. */
function guardSignals() {
  const rawKill = process._kill;
  if (typeof rawKill === 'function') {
    process._kill = function _kill(pid, signal) {
      // -1 is UV_EPERM: process.kill turns it into an EPERM error.
      if (pid !== OWN_PID) return -1;
      return ReflectApply(rawKill, process, [pid, signal]);
    };
  }
  process._debugProcess = refuseWith('Plugins may not open an inspector');
  for (const name of ['_getActiveHandles', '_getActiveRequests']) delete process[name];
}

/**
 * The bootstrap's sender. process.send stays visible: plugin code could write to the IPC
 * file descriptor with fs.writeSync anyway (the permission model checks paths, not open
 * descriptors), so the host treats every message from this process as untrusted instead.
 */
function ipcSender() {
  if (typeof process.send !== 'function') throw new ErrorConstructor('The plugin sandbox needs an IPC channel');
  const rawSend = process.send;
  return function send(message, callback) {
    ReflectApply(rawSend, process, [message, undefined, { swallowErrors: true }, callback]);
  };
}

function removeNetworkGlobals() {
  for (const name of ['fetch', 'WebSocket', 'EventSource']) delete globalThis[name];
}

/** Everything above, in order; returns the bootstrap's sender. */
export function harden() {
  const send = ipcSender();
  installImportGate();
  poisonBuiltins();
  gateRequire();
  guardSignals();
  removeNetworkGlobals();
  return send;
}
