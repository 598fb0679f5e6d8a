/**
 * CodeRunner: runs the JavaScript of workflow CODE nodes (`function main(inputs) { … }`,
 * possibly async, returning an object) in the code-plugin sandbox, through the built-in
 * runner plugin in ./runner (see its index.mjs for what a snippet can and cannot reach).
 *
 * Tenants are isolated by process: each workspace gets its own registration of the runner
 * (plugin name derived from the workspace ID), hence its own sandbox process, started on
 * the first call and stopped by the PluginHost when idle. Snippets of one workspace share
 * that process and its globals; snippets of two workspaces never do.
 *
 * Give the CodeRunner a PluginHost of its own (its memoryMb is then the code nodes' heap
 * limit): the names it registers (`code-…`) would otherwise share one namespace with the
 * installed plugins.
 *
 * Failures of a snippet fail only its call, with stable codes: CODE_ERROR (it threw, does
 * not compile, has no main, returned a non-object), CODE_TIMEOUT (the process was killed at
 * the time limit; the next call starts a new one), CODE_CRASHED (out of memory, exit,
 * uncaught asynchronous error; also while the workspace is paused after repeated crashes)
 * and CODE_OUTPUT_INVALID (not JSON, or over the host's output limit).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, ValidationError } from '../../errors.js';
import type { PluginHost } from '../../extensions/plugins/plugin-host.js';
import { loadPluginFolder } from '../../extensions/plugins/plugin-loader.js';
import type { LoadedPlugin } from '../../extensions/plugins/plugin.types.js';
import type { ToolMessage } from '../../tools/tool.types.js';

/** The snippet threw, does not compile, has no main, or main returned something other than an object. */
export class CodeError extends AppError {
  readonly code = 'CODE_ERROR';
}

/** The snippet did not finish in time; its process was killed (the next call starts a fresh one). */
export class CodeTimeoutError extends AppError {
  readonly code = 'CODE_TIMEOUT';
}

/** The snippet's process died (memory limit, exit, uncaught asynchronous error) or is paused after repeated crashes. */
export class CodeCrashedError extends AppError {
  readonly code = 'CODE_CRASHED';
}

/** main's result could not be handed back: not JSON-serialisable, or larger than the host's output limit. */
export class CodeOutputInvalidError extends AppError {
  readonly code = 'CODE_OUTPUT_INVALID';
}

export const RUNNER_DIR = fileURLToPath(new URL('./runner/', import.meta.url));
export const MAX_CODE_LENGTH = 100_000;
const RUN_TOOL = 'run';
/** How long a workspace's code stays paused once the host disabled it for crashing; the host's default restart window. */
const DEFAULT_CRASH_PAUSE_MS = 60_000;
/** Stacks a snippet throws on purpose mention the gateway's files; callers see them without the install path. */
const PROJECT_ROOT = path.resolve(RUNNER_DIR, '../../../..');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The plugin name of a workspace's runner: `code-<uuid without dashes>` (37 characters). Any
 * other ID is hashed (`code-x<58 hex>`, 64 characters, the manifest's limit): stripping or
 * truncating could give two workspaces the same name, hence the same process.
 */
export function codePluginName(workspaceId: string): string {
  if (UUID.test(workspaceId)) return `code-${workspaceId.toLowerCase().replaceAll('-', '')}`;
  return `code-x${createHash('sha256').update(workspaceId).digest('hex').slice(0, 58)}`;
}

export interface CodeRunnerOptions {
  /** A call's time limit when the call gives none; it covers the process's start on a cold call. */
  timeoutMs: number;
  /** How long a workspace's calls fail CODE_CRASHED after the host disabled its runner for crashing. Default 60 s. */
  crashPauseMs?: number;
}

export interface CodeRunOptions {
  /** Aborting rejects the call at once (AbortError) and stops the snippet's process if no other call uses it. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class CodeRunner {
  private readonly timeoutMs: number;
  private readonly crashPauseMs: number;
  private runner?: Promise<LoadedPlugin>;
  /** By plugin name: the registration (done or under way) of that workspace's runner. */
  private readonly registrations = new Map<string, Promise<void>>();
  /** By plugin name: calls under way, so that an abort only stops a process nobody else uses. */
  private readonly inFlight = new Map<string, number>();
  /** By plugin name: until when a workspace disabled by the host for crashing stays paused. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly host: PluginHost,
    options: CodeRunnerOptions,
  ) {
    this.timeoutMs = positive(options.timeoutMs, 'timeoutMs');
    this.crashPauseMs = positive(options.crashPauseMs ?? DEFAULT_CRASH_PAUSE_MS, 'crashPauseMs');
  }

  /**
   * Runs `main(inputs)` of `code` in the workspace's sandbox process and resolves to the
   * object it returns. Inputs and output travel as JSON (undefined members are dropped,
   * Dates become strings). Rejects with a Code*Error, a ValidationError for bad arguments,
   * or an AbortError when `signal` aborts.
   */
  async run(workspaceId: string, code: string, inputs: Record<string, unknown>, options: CodeRunOptions = {}): Promise<Record<string, unknown>> {
    if (typeof workspaceId !== 'string' || workspaceId === '') throw new ValidationError('A workspace ID is required');
    if (typeof code !== 'string') throw new ValidationError('code must be a string');
    if (code.length > MAX_CODE_LENGTH) throw new ValidationError(`code must be at most ${MAX_CODE_LENGTH} characters`);
    const params = { code, inputs: jsonObject(inputs) };
    const timeoutMs = positive(options.timeoutMs ?? this.timeoutMs, 'timeoutMs');
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);

    const name = await this.pluginFor(workspaceId);
    const messages: ToolMessage[] = [];
    this.inFlight.set(name, (this.inFlight.get(name) ?? 0) + 1);
    try {
      await this.host.call(name, { point: 'tool.invoke', tool: RUN_TOOL, params }, { config: {}, timeoutMs, signal, onMessage: (message) => messages.push(message) });
    } catch (err) {
      if (signal?.aborted && err instanceof Error && err.name === 'AbortError') {
        this.stopAfterAbort(name);
        throw err;
      }
      throw this.translate(name, err, timeoutMs);
    } finally {
      const left = (this.inFlight.get(name) ?? 1) - 1;
      if (left > 0) this.inFlight.set(name, left);
      else this.inFlight.delete(name);
    }
    return resultOf(messages);
  }

  /** Registers the workspace's runner on first use (the host starts its process on the first call). */
  private async pluginFor(workspaceId: string): Promise<string> {
    const name = codePluginName(workspaceId);
    let registration = this.registrations.get(name);
    if (!registration) {
      registration = this.register(name);
      this.registrations.set(name, registration);
      // A failed registration is retried by the next call.
      registration.catch(() => {
        if (this.registrations.get(name) === registration) this.registrations.delete(name);
      });
    }
    await registration;
    if (this.host.state(name) === 'DISABLED') {
      const paused = this.pause(name);
      if (paused) throw paused;
      await this.register(name);
    }
    return name;
  }

  private async register(name: string): Promise<void> {
    await this.host.register(await this.runnerNamed(name));
  }

  /** The runner plugin under a workspace's name; its folder is loaded and validated once, by the installed plugins' loader. */
  private async runnerNamed(name: string): Promise<LoadedPlugin> {
    if (!this.runner) {
      this.runner = loadPluginFolder(RUNNER_DIR);
      this.runner.catch(() => (this.runner = undefined));
    }
    const runner = await this.runner;
    return { dir: runner.dir, manifest: { ...structuredClone(runner.manifest), name } };
  }

  /**
   * For a runner the host has DISABLED (too many crashes): the error while the pause lasts
   * (it starts when first seen), undefined once it is over. The host keeps a plugin disabled
   * until it is registered again, which for code would be until the gateway restarts.
   */
  private pause(name: string): CodeCrashedError | undefined {
    const now = Date.now();
    const until = this.pausedUntil.get(name) ?? now + this.crashPauseMs;
    if (now >= until) {
      this.pausedUntil.delete(name);
      return undefined;
    }
    this.pausedUntil.set(name, until);
    const seconds = Math.ceil((until - now) / 1000);
    return new CodeCrashedError(`Code in this workspace crashed repeatedly; code nodes are paused for ${seconds} s`, { retryAfter: seconds });
  }

  /**
   * The caller left: a snippet does not see the cancellation, and a looping one would keep
   * the process (and the workspace's next calls) busy until its timeout. When no other call
   * uses that process, stop it; the next call registers and starts a fresh one.
   */
  private stopAfterAbort(name: string): void {
    if ((this.inFlight.get(name) ?? 0) > 1) return;
    this.registrations.delete(name);
    void this.host.unregister(name).catch(() => undefined);
  }

  private translate(name: string, err: unknown, timeoutMs: number): unknown {
    const code = (err as { code?: unknown } | null)?.code;
    const message = err instanceof Error ? err.message : String(err);
    switch (code) {
      case 'PLUGIN_ERROR':
        return new CodeError(withoutPaths(message));
      case 'PLUGIN_TIMEOUT':
        return new CodeTimeoutError(`The code did not finish within ${timeoutMs} ms`, { timeoutMs });
      case 'PLUGIN_DISABLED':
        // Disabled between our check and the call; otherwise the host is closed or the runner was stopped.
        if (this.host.state(name) === 'DISABLED') return this.pause(name) ?? new CodeCrashedError('The code process crashed repeatedly');
        return new CodeCrashedError(withoutPaths(message.replace(`Plugin ${name}`, 'The code process')));
      case 'PLUGIN_CRASHED':
        return new CodeCrashedError(withoutPaths(message.replace(`Plugin ${name}`, 'The code process')));
      case 'PLUGIN_OUTPUT_INVALID':
        // The sandbox words it for plugins: "The plugin's output is larger than 1048576 bytes".
        return new CodeOutputInvalidError(withoutPaths(message.replace(/^The plugin's (message|output)/, "main's result").replace(`Plugin ${name}`, 'The code')));
      default:
        return err;
    }
  }
}

/** The one JSON message the runner sends, checked again here: the sandbox process is untrusted. */
function resultOf(messages: ToolMessage[]): Record<string, unknown> {
  const [first] = messages;
  if (messages.length !== 1 || first?.type !== 'JSON' || !isRecord(first.json)) {
    throw new CodeOutputInvalidError('The code runner did not return one JSON object');
  }
  return first.json;
}

/** A JSON copy of `value`, or a ValidationError: what cannot cross the channel fails here, not in the host. */
function jsonObject(value: unknown): Record<string, unknown> {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new ValidationError(`inputs must be JSON-serialisable: ${(err as Error).message}`);
  }
  const copy: unknown = text === undefined ? undefined : JSON.parse(text);
  if (!isRecord(copy)) throw new ValidationError('inputs must be a JSON object');
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutPaths(message: string): string {
  return message.replaceAll(pathToFileURL(PROJECT_ROOT).href, '').replaceAll(PROJECT_ROOT, '');
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The code run was aborted', 'AbortError');
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new ValidationError(`${name} must be a positive number`);
  return value;
}
