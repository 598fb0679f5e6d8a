/**
 * PluginHost: runs code-based extensions ("plugins"), each in its own Node process, and
 * answers the gateway's calls into them.
 *
 * ## Authoring API (what a plugin's entry module exports)
 *
 * The entry (`index.mjs` unless the manifest says otherwise) is an ES module. Functions may
 * be named exports or properties of the default export. Every function gets
 * `(params, ctx)`; `params` use Dify's wire names; `ctx` is
 *
 *     ctx.config   the workspace's filled-in configuration form (secrets decrypted)
 *     ctx.fetch(url, { method, headers, body, timeoutMs })
 *                  → Promise<{ status, ok, url, headers: Headers, text(), json(), bytes(), arrayBuffer() }>
 *                  only to hosts in the manifest's permissions.hosts; redirects are not followed
 *                  (the 3xx comes back with its Location); bodies up to 1 MB each way. A refused
 *                  or failed request rejects with an Error whose `code` is DESTINATION_BLOCKED,
 *                  TIMEOUT, RESPONSE_TOO_LARGE, UPSTREAM_ERROR, BAD_USER_INPUT, ABORTED or
 *                  RATE_LIMITED (more than 16 requests at once). Left uncaught, DESTINATION_BLOCKED
 *                  fails the call with DESTINATION_BLOCKED; the others with PLUGIN_ERROR.
 *     ctx.log(level, message)   'debug' | 'info' | 'warn' | 'error', into the gateway's log
 *                  (console.log/info/warn/error/debug land there too; at most 50 lines a second)
 *     ctx.signal   an AbortSignal, aborted when the caller goes away or the call ends
 *
 * By module:
 *
 *     moderation:          export async function moderateInput({ app_id, inputs, query }, ctx)
 *                            → { flagged, action: 'direct_output' | 'overridden', preset_response?, inputs?, query? }
 *                          export async function moderateOutput({ app_id, text }, ctx)
 *                            → { flagged, action, preset_response?, text? }
 *                          (either or both; `action` defaults to 'direct_output')
 *     external_data_tool:  export async function query({ app_id, tool_variable, inputs, query }, ctx) → string
 *     tool:                export const tools = {
 *                            async *word_count(params, ctx) { yield { type: 'JSON', json: { words: 3 } } },
 *                            async slugify(params, ctx) { return { type: 'TEXT', text: 'a-b' } },   // or an array
 *                          }
 *                          one function per tool of the manifest; messages are ToolMessages
 *                          (TEXT, JSON, LINK, IMAGE, BLOB, FILE without fileId, VARIABLE, LOG);
 *                          a bare string is a TEXT message.
 *
 * A call to a function the plugin does not export fails PLUGIN_ERROR "does not implement
 * <point>". A call's output (the result, or all of a tool's messages together) is JSON of at
 * most 1 MB. Throwing ends the call with PLUGIN_ERROR and the error's message (trimmed, at
 * most 500 characters, never a stack). Plugins may import their own files and dependencies
 * (ESM or CommonJS, inside their folder) and these Node built-ins: assert, buffer, console,
 * constants, crypto, events, fs (read-only, own folder), os, path, perf_hooks, process,
 * punycode, querystring, readline, stream, string_decoder, timers, url, util, zlib (with
 * their subpaths), async_hooks (AsyncLocalStorage, AsyncResource) and module (createRequire,
 * isBuiltin, builtinModules). Anything importing another built-in (an HTTP client library,
 * say) fails to load with "Plugins may not use node:<name>". No environment variables, no
 * writes, no network except ctx.fetch.
 *
 * ## Isolation model
 *
 * One child process per plugin (`process.execPath sandbox/bootstrap.mjs`), spawned with:
 * - an empty environment (nothing of the gateway's: no secrets, no DATABASE_URL; Node's own
 *   NODE_CHANNEL_FD is removed by Node before the plugin runs), cwd = the plugin folder,
 *   stdin/stdout/stderr to /dev/null, the message channel on fd 3, its own process group
 *   (`detached`), unref'd so an idle plugin never keeps the gateway running;
 * - Node's permission model (`--permission` from 22.13, `--experimental-permission` on 20):
 *   file reads only in the plugin folder and the sandbox folder, no writes, no child
 *   processes, no workers (except on Node 20, see below), no native addons, no WASI, no
 *   inspector; `process.binding` is refused by it too;
 * - `--max-old-space-size=<memoryMb>`: a heap overrun aborts the process (PLUGIN_CRASHED);
 *   off-heap memory (Buffers, ArrayBuffers) is not covered by V8's limit, so a watchdog
 *   reads /proc/<pid>/statm every 250 ms and kills a process above 2 × memoryMb + 64 MB
 *   resident (Linux only). The default V8 stack limit already turns runaway recursion into
 *   a RangeError (PLUGIN_ERROR); raising it past the OS thread stack would segfault instead.
 * - then, inside, before any plugin code (sandbox/harden.mjs): an allowlist of built-ins for
 *   ESM imports (a resolve hook: `module.registerHooks` in-thread on Node 22.15+/24, where it
 *   also covers require(); `module.register` on a loader thread on Node 20, which is why
 *   Node 20 gets `--allow-worker`), for require() (Module._load) and for
 *   process.getBuiltinModule; the global fetch/WebSocket/EventSource removed; signals only to
 *   itself (process.kill(process.ppid) and kill(0) fail EPERM); process._debugProcess and the
 *   raw handle lists removed; module.register/registerHooks refused.
 *
 * What this does NOT give (measured on Node 20.20 and 24.21; see test/unit/plugins.test.ts):
 * - The permission model does not cover the network on Node 20 or 24 (`--allow-net` arrives
 *   in Node 25). Network isolation rests on the JavaScript gates above: a way to reach a
 *   net.Socket or a TCP handle that they miss would give the plugin the network (still
 *   without the SSRF guard). The Node project says the permission model "does not protect
 *   against malicious code". For plugins you do not trust, add an OS boundary: a container
 *   or network namespace without egress, a separate user.
 * - Same user as the gateway: if the gateway runs as root, so does the plugin (the
 *   permission model still applies).
 * - CPU: only bounded per call (timeout kills the process). Work a plugin schedules between
 *   calls (timers) runs until the process is stopped when idle (`idleMs`, default 5 min).
 * - The message channel is reachable by plugin code (process.send, or fd 3 with
 *   fs.writeSync: the permission model checks paths, not open descriptors), so a plugin can
 *   write anything to the gateway. The gateway reads it with its own line reader
 *   (plugin-channel.ts), not Node's IPC: Node's parent-side parser throws a malformed line
 *   as an uncaught exception in the gateway (measured on 20 and 24) and buffers lines of any
 *   length. Lines are capped, every message is validated, and a violation kills the process.
 * - Information: os.hostname(), os.networkInterfaces(), os.userInfo(), process.report
 *   remain readable; file contents outside the two folders do not.
 * - Node follows symlinks even outside the granted folders: the loader refuses plugin
 *   folders and archives holding links that leave the plugin, and the plugin cannot create
 *   any (no writes).
 * - node:sqlite on Node 24.21 created a file outside the grants despite the permission
 *   model: refused by the allowlist, a reminder that the model has gaps.
 *
 * ## Lifecycle
 *
 * Processes start lazily: `register` only records the plugin (stopping the process of a
 * previous registration once its calls finish); the first call (or `start`) spawns it, and
 * the call's time limit covers start-up. After `idleMs` without calls the process stops.
 * States: STOPPED (no process; the next call starts one), RUNNING, RESTARTING (the last
 * process crashed or was killed for a timeout; the next call starts a new one), DISABLED
 * (more than `maxRestarts` crashes within `restartWindowMs`: calls fail PLUGIN_DISABLED
 * until `register` is called again). Timeouts do not count as crashes, so a slow upstream
 * cannot disable a plugin; crashes, memory kills, load failures and protocol violations do.
 */
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { PluginFetcher } from './plugin-fetch.js';
import { PluginDisabledError, PluginFailedError, pluginAbortError } from './plugin-errors.js';
import { DEFAULT_MAX_OUTPUT_BYTES } from './plugin-output.js';
import { compileHostPatterns, type HostPattern } from './plugin-permissions.js';
import { type ExitReason, PluginSandbox } from './plugin-sandbox.js';
import type { ExtensionModuleName, LoadedPlugin, PluginCall, PluginCallOptions, PluginState } from './plugin.types.js';

export interface PluginHostOptions {
  log: Logger;
  /** PLUGBOARD_OUTBOUND_ALLOW entries, for the guarded client behind ctx.fetch. */
  allow: string[];
  /** Per-call limit when the call gives none. Default 10 s. */
  defaultTimeoutMs?: number;
  /** V8 heap limit of each plugin process. Default 128 MB. */
  memoryMb?: number;
  /** Crashes tolerated within `restartWindowMs`; one more disables the plugin. Default 3. */
  maxRestarts?: number;
  /** Default 60 s. */
  restartWindowMs?: number;
  /** An idle process is stopped after this long. Default 5 min. */
  idleMs?: number;
  /** A call's output limit (JSON bytes). Default 1 MB. */
  maxOutputBytes?: number;
  /** ctx.fetch body limit, each way. Default 1 MB. */
  fetchMaxBytes?: number;
  /** ctx.fetch per-request time limit (the call's remaining time also applies). Default 10 s. */
  fetchTimeoutMs?: number;
}

const MODULE_OF_POINT: Record<PluginCall['point'], ExtensionModuleName> = {
  'app.moderation.input': 'moderation',
  'app.moderation.output': 'moderation',
  'app.external_data_tool.query': 'external_data_tool',
  'tool.invoke': 'tool',
};

/** Exits that count towards DISABLED: the plugin's own doing, not ours (timeout, stop). */
const COUNTED_EXITS = new Set<ExitReason>(['crash', 'memory', 'load-failed', 'protocol']);

interface Entry {
  plugin: LoadedPlugin;
  hosts: HostPattern[];
  sandbox?: PluginSandbox;
  crashes: number[];
  disabled: boolean;
  lastExitAbnormal: boolean;
  idleTimer?: NodeJS.Timeout;
}

export class PluginHost {
  private readonly entries = new Map<string, Entry>();
  /** Processes of earlier registrations finishing their last calls, then stopped. */
  private readonly retiring = new Set<PluginSandbox>();
  private readonly fetcher: PluginFetcher;
  private readonly log: Logger;
  private readonly defaultTimeoutMs: number;
  private readonly memoryMb: number;
  private readonly maxRestarts: number;
  private readonly restartWindowMs: number;
  private readonly idleMs: number;
  private readonly maxOutputBytes: number;
  private readonly maxMessageBytes: number;
  private closed = false;

  constructor(options: PluginHostOptions) {
    this.log = options.log.child({ component: 'plugin-host' });
    this.defaultTimeoutMs = positive(options.defaultTimeoutMs ?? 10_000, 'defaultTimeoutMs');
    this.memoryMb = Math.floor(positive(options.memoryMb ?? 128, 'memoryMb'));
    this.maxRestarts = Math.floor(positive(options.maxRestarts ?? 3, 'maxRestarts', true));
    this.restartWindowMs = positive(options.restartWindowMs ?? 60_000, 'restartWindowMs');
    this.idleMs = positive(options.idleMs ?? 5 * 60_000, 'idleMs');
    this.maxOutputBytes = positive(options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES, 'maxOutputBytes');
    const fetchMaxBytes = positive(options.fetchMaxBytes ?? 1024 * 1024, 'fetchMaxBytes');
    this.fetcher = new PluginFetcher({ allow: options.allow, maxBodyBytes: fetchMaxBytes, timeoutMs: positive(options.fetchTimeoutMs ?? 10_000, 'fetchTimeoutMs') });
    // JSON inside a JSON string can double in size when escaped; base64 adds a third.
    this.maxMessageBytes = 2 * Math.max(this.maxOutputBytes, Math.ceil((fetchMaxBytes * 4) / 3)) + 64 * 1024;
  }

  /**
   * Makes the plugin callable (lazily: no process yet), replacing an earlier registration of
   * the same name: its process finishes the calls it has, new calls get the new code. Also
   * re-enables a DISABLED plugin.
   */
  async register(plugin: LoadedPlugin): Promise<void> {
    if (this.closed) throw new PluginDisabledError('The plugin host is closed');
    const name = plugin.manifest.name;
    const hosts = compileHostPatterns(plugin.manifest.permissions.hosts);
    const previous = this.entries.get(name);
    if (previous) {
      clearTimeout(previous.idleTimer);
      const sandbox = previous.sandbox;
      if (sandbox?.alive && sandbox.busy > 0) this.retiring.add(sandbox);
      else sandbox?.kill('stopped');
    }
    this.entries.set(name, { plugin, hosts, crashes: [], disabled: false, lastExitAbnormal: false });
  }

  /** Stops the plugin's processes (calls in flight fail PLUGIN_DISABLED) and forgets it. */
  async unregister(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    clearTimeout(entry.idleTimer);
    await this.stop([...(entry.sandbox ? [entry.sandbox] : []), ...[...this.retiring].filter((sandbox) => sandbox.name === name)]);
  }

  state(name: string): PluginState | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.disabled) return 'DISABLED';
    if (entry.sandbox?.alive) return 'RUNNING';
    // A process being killed right now (its exit not yet seen) counts by why it is killed.
    const ending = entry.sandbox?.exitReason;
    const abnormal = ending !== undefined ? ending !== 'stopped' : entry.lastExitAbnormal;
    return abnormal && !this.closed ? 'RESTARTING' : 'STOPPED';
  }

  /**
   * Starts the plugin's process now and waits until its entry has loaded (e.g. to check a
   * freshly installed plugin): PLUGIN_ERROR if importing it throws, PLUGIN_TIMEOUT if that
   * takes longer than `timeoutMs`.
   */
  async start(name: string, timeoutMs = this.defaultTimeoutMs): Promise<void> {
    const entry = this.usableEntry(name);
    clearTimeout(entry.idleTimer);
    const sandbox = this.sandboxFor(entry);
    await sandbox.whenReady(timeoutMs);
    if (sandbox.busy === 0) this.scheduleIdleStop(entry, sandbox);
  }

  /**
   * Calls into the plugin. Resolves to the plugin's (checked) result; for `tool.invoke`,
   * passes each message to `options.onMessage` and resolves (to undefined) when the tool is
   * done. Rejects with a PluginCallError code, DESTINATION_BLOCKED, NOT_FOUND (no such
   * plugin) or an AbortError.
   */
  async call(name: string, call: PluginCall, options: PluginCallOptions): Promise<unknown> {
    const entry = this.usableEntry(name);
    const { manifest } = entry.plugin;
    if (MODULE_OF_POINT[call.point] !== manifest.module) {
      throw new PluginFailedError(`Plugin ${name} does not implement ${call.point} (it is a ${manifest.module} plugin)`, { plugin: name });
    }
    if (call.point === 'tool.invoke' && !manifest.tools.some((tool) => tool.name === call.tool)) {
      throw new PluginFailedError(`Plugin ${name} does not implement ${call.point} for tool "${call.tool}"`, { plugin: name });
    }
    if (options.signal?.aborted) throw pluginAbortError(options.signal.reason);
    const timeoutMs = positive(options.timeoutMs ?? this.defaultTimeoutMs, 'timeoutMs');
    clearTimeout(entry.idleTimer);
    return this.sandboxFor(entry).run(call, options, timeoutMs);
  }

  /** Stops every plugin process and waits for them to exit. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.idleTimer);
    const current = [...this.entries.values()].flatMap((entry) => (entry.sandbox ? [entry.sandbox] : []));
    await this.stop([...current, ...this.retiring]);
    await this.fetcher.close();
  }

  private usableEntry(name: string): Entry {
    if (this.closed) throw new PluginDisabledError('The plugin host is closed');
    const entry = this.entries.get(name);
    if (!entry) throw new NotFoundError(`No plugin named "${name}" is registered`);
    if (entry.disabled) {
      const window = `${Math.round(this.restartWindowMs / 1000)} s`;
      throw new PluginDisabledError(`Plugin ${name} is disabled: it crashed more than ${this.maxRestarts} times within ${window}; install or enable it again to retry`, {
        plugin: name,
      });
    }
    return entry;
  }

  private sandboxFor(entry: Entry): PluginSandbox {
    if (entry.sandbox?.alive) return entry.sandbox;
    const sandbox: PluginSandbox = new PluginSandbox({
      plugin: entry.plugin,
      hosts: entry.hosts,
      memoryMb: this.memoryMb,
      maxOutputBytes: this.maxOutputBytes,
      maxMessageBytes: this.maxMessageBytes,
      fetcher: this.fetcher,
      log: this.log,
      onExit: (reason) => this.onExit(entry, sandbox, reason),
      onIdle: () => this.onIdle(entry, sandbox),
    });
    entry.sandbox = sandbox;
    return sandbox;
  }

  private onExit(entry: Entry, sandbox: PluginSandbox, reason: ExitReason): void {
    const retired = this.retiring.delete(sandbox);
    if (entry.sandbox === sandbox) {
      entry.sandbox = undefined;
      clearTimeout(entry.idleTimer);
      entry.lastExitAbnormal = reason !== 'stopped';
    }
    // Counted even when a newer process already took over (a call arrived while this one was being killed).
    if (retired || this.entries.get(entry.plugin.manifest.name) !== entry || !COUNTED_EXITS.has(reason)) return;
    const now = Date.now();
    entry.crashes = entry.crashes.filter((at) => now - at < this.restartWindowMs);
    entry.crashes.push(now);
    if (entry.crashes.length > this.maxRestarts) {
      entry.disabled = true;
      this.log.error({ plugin: entry.plugin.manifest.name, crashes: entry.crashes.length }, 'Plugin disabled after repeated crashes');
    }
  }

  private onIdle(entry: Entry, sandbox: PluginSandbox): void {
    if (this.retiring.has(sandbox) || this.entries.get(entry.plugin.manifest.name) !== entry) {
      sandbox.kill('stopped');
      return;
    }
    if (entry.sandbox === sandbox) this.scheduleIdleStop(entry, sandbox);
  }

  private scheduleIdleStop(entry: Entry, sandbox: PluginSandbox): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      if (entry.sandbox === sandbox && sandbox.busy === 0) sandbox.kill('stopped');
    }, this.idleMs);
    entry.idleTimer.unref();
  }

  private async stop(sandboxes: PluginSandbox[]): Promise<void> {
    for (const sandbox of sandboxes) sandbox.kill('stopped');
    await Promise.all(sandboxes.map((sandbox) => sandbox.exited));
  }
}

function positive(value: number, name: string, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ValidationError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  }
  return value;
}
