/**
 * One plugin process: how it is spawned (see plugin-host.ts for the isolation model), the
 * IPC protocol with sandbox/bootstrap.mjs, the calls in flight with their time limits, the
 * outbound requests it asks for, and the memory watchdog. Everything the process sends is
 * untrusted and validated here. PluginHost owns the policy across processes (restarts,
 * DISABLED, idle stop); this class only reports why its process ended.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { AppError, DestinationBlockedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ToolMessage } from '../../tools/tool.types.js';
import { JsonLineChannel } from './plugin-channel.js';
import { describeFetchFailure, type PluginFetcher } from './plugin-fetch.js';
import {
  PluginCrashedError,
  PluginDisabledError,
  PluginFailedError,
  PluginOutputInvalidError,
  PluginTimeoutError,
  pluginAbortError,
  pluginMessage,
} from './plugin-errors.js';
import { checkResult, checkToolMessage, parseOutputJson } from './plugin-output.js';
import type { HostPattern } from './plugin-permissions.js';
import type { LoadedPlugin, PluginCall, PluginCallOptions } from './plugin.types.js';

/** Why a process ended. Only crash, memory, load-failed and protocol count towards DISABLED. */
export type ExitReason = 'timeout' | 'memory' | 'crash' | 'load-failed' | 'protocol' | 'stopped';

const BOOTSTRAP = realpathSync(fileURLToPath(new URL('./sandbox/bootstrap.mjs', import.meta.url)));
const SANDBOX_DIR = path.dirname(BOOTSTRAP);
const MAX_CONCURRENT_FETCHES = 16;
const WATCHDOG_INTERVAL_MS = 250;
const PAGE_SIZE = 4096;
const LOG_LINES_PER_SECOND = 50;

const [NODE_MAJOR = 0, NODE_MINOR = 0] = process.versions.node.split('.').map(Number);
/** `--permission` is the stable name from Node 22.13 / 23.5; before, only `--experimental-permission` exists. */
const PERMISSION_FLAG =
  NODE_MAJOR > 23 || (NODE_MAJOR === 23 && NODE_MINOR >= 5) || (NODE_MAJOR === 22 && NODE_MINOR >= 13) ? '--permission' : '--experimental-permission';
/** Without in-thread hooks (Node 20), module.register runs the import gate on a loader thread: a worker. */
const NEEDS_LOADER_THREAD = typeof (Module as unknown as { registerHooks?: unknown }).registerHooks !== 'function';

/** Off-heap memory (Buffers, ArrayBuffers) is not bounded by V8's heap limit: the watchdog allows this much RSS. */
function rssLimitBytes(memoryMb: number): number {
  return (memoryMb * 2 + 64) * 1024 * 1024;
}

function sandboxArgs(plugin: LoadedPlugin, memoryMb: number, maxOutputBytes: number): string[] {
  return [
    PERMISSION_FLAG,
    `--allow-fs-read=${SANDBOX_DIR}`,
    `--allow-fs-read=${plugin.dir}`,
    ...(NEEDS_LOADER_THREAD ? ['--allow-worker'] : []),
    `--max-old-space-size=${memoryMb}`,
    '--no-addons',
    '--no-warnings',
    BOOTSTRAP,
    JSON.stringify({ entry: pathToFileURL(path.join(plugin.dir, plugin.manifest.entry)).href, maxOutputBytes }),
  ];
}

const callId = z.number().int().positive();
const childMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), exports: z.object({ points: z.array(z.string()), tools: z.array(z.string()) }) }),
  z.object({ type: z.literal('load-error'), message: z.string() }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
  z.object({ type: z.literal('result'), id: callId, json: z.string() }),
  z.object({ type: z.literal('message'), id: callId, json: z.string() }),
  z.object({ type: z.literal('done'), id: callId }),
  z.object({ type: z.literal('error'), id: callId, code: z.string(), message: z.string() }),
  z.object({ type: z.literal('fetch'), id: callId, fetchId: z.number().int().positive(), request: z.unknown() }),
  z.object({ type: z.literal('log'), level: z.string(), message: z.string() }),
]);
type ChildMessage = z.infer<typeof childMessage>;

interface PendingCall {
  id: number;
  call: PluginCall;
  options: PluginCallOptions;
  timeoutMs: number;
  deadline: number;
  timer: NodeJS.Timeout;
  /** Aborts the call's outbound requests when it ends. */
  requests: AbortController;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** The caller has its answer (possibly an abort): later news from the plugin is dropped. */
  answered: boolean;
  outputBytes: number;
  /** The DESTINATION_BLOCKED message of a refused ctx.fetch, if any. */
  blocked?: string;
  detachSignal(): void;
}

export interface SandboxOptions {
  plugin: LoadedPlugin;
  hosts: HostPattern[];
  memoryMb: number;
  maxOutputBytes: number;
  /** Longest line the process may send (output and fetch bodies, escaped, plus envelope). */
  maxMessageBytes: number;
  fetcher: PluginFetcher;
  log: Logger;
  /** Once, after the process is gone and every pending call has been answered. */
  onExit(reason: ExitReason): void;
  /** Whenever the last pending call has finished. */
  onIdle(): void;
}

export class PluginSandbox {
  private readonly child: ChildProcess;
  private readonly channel: JsonLineChannel;
  readonly name: string;
  private readonly log: Logger;
  private status: 'starting' | 'ready' | 'exited' = 'starting';
  private readonly pending = new Map<number, PendingCall>();
  private queued: PendingCall[] = [];
  private readyWaiters: { resolve(): void; reject(error: Error): void; timer: NodeJS.Timeout }[] = [];
  private nextId = 1;
  private reason?: ExitReason;
  private timedOutCall?: number;
  private loadError?: string;
  private fatal?: string;
  private activeFetches = 0;
  private logWindow = { start: 0, count: 0, dropped: 0 };
  private readonly watchdog?: NodeJS.Timeout;
  /** Resolves when the process has exited and everything is cleaned up. */
  readonly exited: Promise<void>;
  private markExited!: () => void;

  constructor(private readonly options: SandboxOptions) {
    this.name = options.plugin.manifest.name;
    this.log = options.log.child({ plugin: this.name, version: options.plugin.manifest.version });
    this.exited = new Promise((resolve) => (this.markExited = resolve));
    this.child = spawn(process.execPath, sandboxArgs(options.plugin, options.memoryMb, options.maxOutputBytes), {
      cwd: options.plugin.dir,
      // Nothing of the gateway's environment: no secrets, no DATABASE_URL. The child's Node
      // takes its IPC channel from these two and deletes them before any plugin code runs.
      env: { NODE_CHANNEL_FD: '3', NODE_CHANNEL_SERIALIZATION_MODE: 'json' },
      // stdout/stderr are not pipes: in the child a piped stdout is a net.Socket, whose class
      // connects anywhere. fd 3 is a plain socket pair read by JsonLineChannel (see there).
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      // Its own process group, so a signal to "the group" never reaches the gateway.
      detached: true,
    });
    const socket = this.child.stdio[3] as Socket;
    this.channel = new JsonLineChannel(socket, options.maxMessageBytes, {
      message: (raw) => this.onMessage(raw),
      violation: (reason) => {
        this.log.warn({ reason }, 'The plugin process broke the channel protocol; stopping it');
        this.kill('protocol');
      },
    });
    // Pending calls keep their own (ref'd) timers; an idle plugin must not keep the gateway alive.
    this.child.unref();
    this.channel.unref();
    this.child.on('error', (err) => {
      this.log.error({ err }, 'Plugin process error');
      this.kill('crash');
      // A process that never started has no 'close' to wait for.
      if (this.child.pid === undefined) this.onClose(null, null);
    });
    // A dying process closes the channel too: only one still running a moment later closed it itself.
    socket.on('end', () => {
      setTimeout(() => {
        if (this.status !== 'exited') this.kill('protocol');
      }, 1000).unref();
    });
    this.child.on('close', (code, signal) => this.onClose(code, signal));
    if (this.child.pid !== undefined && process.platform === 'linux') {
      this.watchdog = setInterval(() => void this.checkMemory(), WATCHDOG_INTERVAL_MS);
      this.watchdog.unref();
    }
  }

  /** Why the process is ending or has ended; undefined while it runs. */
  get exitReason(): ExitReason | undefined {
    return this.reason;
  }

  get alive(): boolean {
    return this.status !== 'exited' && this.reason === undefined;
  }

  /** Calls not yet finished by the plugin (including ones whose caller already left). */
  get busy(): number {
    return this.pending.size;
  }

  /** Runs one call; `timeoutMs` covers start-up, the call and its outbound requests. */
  run(call: PluginCall, options: PluginCallOptions, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const pendingCall: PendingCall = {
        id,
        call,
        options,
        timeoutMs,
        deadline: Date.now() + timeoutMs,
        requests: new AbortController(),
        resolve,
        reject,
        answered: false,
        outputBytes: 0,
        timer: setTimeout(() => this.onTimeout(pendingCall), timeoutMs),
        detachSignal: () => undefined,
      };
      const signal = options.signal;
      if (signal) {
        const onAbort = () => this.onCallerAbort(pendingCall, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        pendingCall.detachSignal = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.set(id, pendingCall);
      if (this.status === 'ready') this.dispatch(pendingCall);
      else this.queued.push(pendingCall);
    });
  }

  /** Resolves once the plugin has loaded; rejects with the call error its death would give, or PLUGIN_TIMEOUT. */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (!this.alive) return Promise.reject(new PluginCrashedError(`Plugin ${this.name} is not running`));
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          reject(new PluginTimeoutError(`Plugin ${this.name} did not start within ${timeoutMs} ms`, { plugin: this.name }));
          this.kill('timeout');
        }, timeoutMs),
      };
      this.readyWaiters.push(waiter);
    });
  }

  /** Ends the process; the first reason given is the one reported. */
  kill(reason: ExitReason): void {
    this.reason ??= reason;
    if (this.status === 'exited') return;
    // Keep the event loop alive until the exit (and the channel's end) is seen: close() awaits it.
    this.child.ref();
    this.channel.ref();
    this.child.kill('SIGKILL');
  }

  private dispatch(pendingCall: PendingCall): void {
    const { call, options } = pendingCall;
    const message =
      call.point === 'tool.invoke'
        ? { type: 'call', id: pendingCall.id, point: call.point, tool: call.tool, params: call.params, config: options.config }
        : { type: 'call', id: pendingCall.id, point: call.point, params: call.params, config: options.config };
    this.send(message);
  }

  private send(message: object): void {
    if (this.status !== 'exited') this.channel.send(message);
  }

  /** Gives the caller its answer once; the call stays pending until the plugin finishes it. */
  private answer(pendingCall: PendingCall, outcome: { value: unknown } | { error: Error }): void {
    if (pendingCall.answered) return;
    pendingCall.answered = true;
    pendingCall.detachSignal();
    if ('error' in outcome) pendingCall.reject(outcome.error);
    else pendingCall.resolve(outcome.value);
  }

  /** The plugin is done with the call (or its process is gone). */
  private finish(pendingCall: PendingCall): void {
    if (!this.pending.delete(pendingCall.id)) return;
    clearTimeout(pendingCall.timer);
    pendingCall.requests.abort();
    this.queued = this.queued.filter((queued) => queued !== pendingCall);
    if (this.pending.size === 0 && this.alive) this.options.onIdle();
  }

  private settle(pendingCall: PendingCall, outcome: { value: unknown } | { error: Error }): void {
    this.answer(pendingCall, outcome);
    this.finish(pendingCall);
  }

  private onCallerAbort(pendingCall: PendingCall, reason: unknown): void {
    this.answer(pendingCall, { error: pluginAbortError(reason) });
    // The plugin may finish early; if it does not, the call's timer still ends it.
    pendingCall.requests.abort();
    if (this.status === 'ready') this.send({ type: 'cancel', id: pendingCall.id });
  }

  private onTimeout(pendingCall: PendingCall): void {
    if (!this.pending.has(pendingCall.id)) return;
    this.answer(pendingCall, {
      error: new PluginTimeoutError(`Plugin ${this.name} did not answer within ${pendingCall.timeoutMs} ms`, { plugin: this.name, point: pendingCall.call.point }),
    });
    // A plugin that does not answer may be spinning: only killing the process frees the CPU.
    this.timedOutCall ??= pendingCall.id;
    this.kill('timeout');
  }

  private onMessage(raw: unknown): void {
    const parsed = childMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.warn('The plugin process sent an invalid message; stopping it');
      this.kill('protocol');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        return this.onReady(message.exports);
      case 'load-error':
        this.loadError = message.message;
        return;
      case 'fatal':
        this.fatal = message.message;
        return;
      case 'log':
        return this.onLog(message.level, message.message);
      case 'fetch':
        return void this.onFetch(message);
      default:
        return this.onCallMessage(message);
    }
  }

  private onReady(exports: { points: string[]; tools: string[] }): void {
    if (this.status !== 'starting') return;
    this.status = 'ready';
    const declared = this.options.plugin.manifest.tools.map((tool) => tool.name);
    const missing = declared.filter((tool) => !exports.tools.includes(tool));
    if (missing.length > 0) this.log.warn({ missing }, 'The plugin does not export every tool its manifest declares');
    for (const waiter of this.readyWaiters) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
    this.readyWaiters = [];
    const queued = this.queued;
    this.queued = [];
    for (const pendingCall of queued) {
      if (this.pending.has(pendingCall.id)) this.dispatch(pendingCall);
    }
  }

  private onCallMessage(message: Extract<ChildMessage, { type: 'result' | 'message' | 'done' | 'error' }>): void {
    const pendingCall = this.pending.get(message.id);
    if (!pendingCall) return;
    if (pendingCall.answered && message.type !== 'message') return this.finish(pendingCall);
    if (pendingCall.answered) return;
    const { call } = pendingCall;
    try {
      switch (message.type) {
        case 'result': {
          if (call.point === 'tool.invoke') throw new PluginOutputInvalidError(`Plugin ${this.name} answered a tool call with a result`);
          const value = parseOutputJson(message.json, this.options.maxOutputBytes, this.name);
          return this.settle(pendingCall, { value: checkResult(call.point, value, this.name) });
        }
        case 'message':
          return this.onToolMessage(pendingCall, message.json);
        case 'done':
          return this.settle(pendingCall, { value: undefined });
        case 'error':
          return this.settle(pendingCall, { error: this.callError(pendingCall, message.code, message.message) });
      }
    } catch (err) {
      this.settle(pendingCall, { error: err as Error });
      this.send({ type: 'cancel', id: pendingCall.id });
    }
  }

  private onToolMessage(pendingCall: PendingCall, json: string): void {
    if (pendingCall.call.point !== 'tool.invoke') throw new PluginOutputInvalidError(`Plugin ${this.name} sent tool messages for ${pendingCall.call.point}`);
    const max = this.options.maxOutputBytes;
    pendingCall.outputBytes += Buffer.byteLength(json);
    if (pendingCall.outputBytes > max) throw new PluginOutputInvalidError(`Plugin ${this.name} sent more than ${max} bytes of tool messages`, { plugin: this.name });
    const message: ToolMessage = checkToolMessage(parseOutputJson(json, max, this.name), this.name);
    pendingCall.options.onMessage?.(message);
  }

  private callError(pendingCall: PendingCall, code: string, message: string): Error {
    const details = { plugin: this.name, point: pendingCall.call.point };
    if (code === 'PLUGIN_OUTPUT_INVALID') return new PluginOutputInvalidError(pluginMessage(message), details);
    // Only if the gateway really refused one of this call's requests: the plugin cannot forge it.
    if (code === 'DESTINATION_BLOCKED' && pendingCall.blocked !== undefined) return new DestinationBlockedError(pendingCall.blocked, details);
    return new PluginFailedError(pluginMessage(message), details);
  }

  private async onFetch(message: Extract<ChildMessage, { type: 'fetch' }>): Promise<void> {
    const reply = (payload: object) => this.send({ type: 'fetch-result', fetchId: message.fetchId, ...payload });
    const pendingCall = this.pending.get(message.id);
    if (!pendingCall || pendingCall.answered) return reply({ error: { code: 'ABORTED', message: 'The call has ended' } });
    if (this.activeFetches >= MAX_CONCURRENT_FETCHES) {
      return reply({ error: { code: 'RATE_LIMITED', message: `At most ${MAX_CONCURRENT_FETCHES} requests at a time` } });
    }
    this.activeFetches++;
    try {
      const { fetcher, hosts } = this.options;
      const response = await fetcher.fetch(this.name, hosts, message.request, pendingCall.requests.signal, pendingCall.deadline - Date.now());
      reply({ response });
    } catch (err) {
      if (err instanceof DestinationBlockedError) pendingCall.blocked = err.message;
      if (!(err instanceof AppError) && !(err instanceof Error && err.name === 'AbortError')) this.log.warn({ err }, 'Plugin request failed');
      reply({ error: describeFetchFailure(err) });
    } finally {
      this.activeFetches--;
    }
  }

  /** Plugin log lines (ctx.log, console.*), at most 50 a second. */
  private onLog(level: string, message: string): void {
    const now = Date.now();
    const window = this.logWindow;
    if (now - window.start >= 1000) {
      if (window.dropped > 0) this.log.warn({ dropped: window.dropped }, 'Plugin log lines dropped (more than 50 a second)');
      this.logWindow = { start: now, count: 0, dropped: 0 };
    }
    if (++this.logWindow.count > LOG_LINES_PER_SECOND) {
      this.logWindow.dropped++;
      return;
    }
    const text = message.slice(0, 4000);
    if (level === 'debug') this.log.debug(text);
    else if (level === 'warn') this.log.warn(text);
    else if (level === 'error') this.log.error(text);
    else this.log.info(text);
  }

  private async checkMemory(): Promise<void> {
    if (!this.alive || this.child.pid === undefined) return;
    let statm: string;
    try {
      statm = await readFile(`/proc/${this.child.pid}/statm`, 'utf8');
    } catch {
      return;
    }
    const residentPages = Number(statm.split(' ')[1]);
    if (residentPages * PAGE_SIZE > rssLimitBytes(this.options.memoryMb) && this.alive) {
      this.log.warn({ rssMb: Math.round((residentPages * PAGE_SIZE) / 1024 / 1024) }, 'Plugin process over its memory limit; killing it');
      this.kill('memory');
    }
  }

  /** The error every call still pending gets when the process is gone. */
  private exitError(reason: ExitReason, code: number | null, signal: NodeJS.Signals | null, pendingCall?: PendingCall): Error {
    const details = { plugin: this.name };
    const { memoryMb } = this.options;
    switch (reason) {
      case 'timeout':
        return pendingCall && pendingCall.id === this.timedOutCall
          ? new PluginTimeoutError(`Plugin ${this.name} did not answer in time`, details)
          : new PluginCrashedError(`Plugin ${this.name} was restarted because another call timed out`, details);
      case 'memory':
        return new PluginCrashedError(`Plugin ${this.name} used more than its memory limit (${memoryMb} MB heap)`, details);
      case 'load-failed':
        return new PluginFailedError(`Plugin ${this.name} failed to load: ${pluginMessage(this.loadError)}`, details);
      case 'protocol':
        return new PluginCrashedError(`Plugin ${this.name} broke the sandbox protocol and was stopped`, details);
      case 'stopped':
        return new PluginDisabledError(`Plugin ${this.name} was stopped`, details);
      case 'crash':
        if (this.fatal !== undefined) return new PluginCrashedError(`Plugin ${this.name} crashed: ${pluginMessage(this.fatal)}`, details);
        if (signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134) {
          return new PluginCrashedError(`Plugin ${this.name} crashed, most likely out of memory (${memoryMb} MB heap limit)`, details);
        }
        return new PluginCrashedError(`Plugin ${this.name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`, details);
    }
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.status === 'exited') return;
    this.status = 'exited';
    if (this.watchdog) clearInterval(this.watchdog);
    const reason: ExitReason = this.reason ?? (this.loadError !== undefined ? 'load-failed' : 'crash');
    this.reason = reason;
    for (const pendingCall of [...this.pending.values()]) {
      this.answer(pendingCall, { error: this.exitError(reason, code, signal, pendingCall) });
      this.finish(pendingCall);
    }
    for (const waiter of this.readyWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(this.exitError(reason, code, signal));
    }
    this.readyWaiters = [];
    if (reason !== 'stopped' && reason !== 'timeout') {
      this.log.warn({ reason, code, signal, detail: this.loadError ?? this.fatal }, 'Plugin process ended');
    }
    this.options.onExit(reason);
    this.markExited();
  }
}
