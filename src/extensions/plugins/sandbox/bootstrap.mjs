/**
 * The entry of a plugin's process (spawned by plugin-sandbox.ts with the permission model,
 * an empty environment and the plugin folder as cwd). Plain JavaScript so that it runs
 * without tsx. It hardens the process (harden.mjs), imports the plugin's entry, and then
 * serves calls over the IPC channel:
 *
 *   host → here: { type: 'call', id, point, tool?, params, config } | { type: 'cancel', id }
 *                | { type: 'fetch-result', fetchId, response? , error? }
 *   here → host: { type: 'ready', exports } | { type: 'load-error', message }
 *                | { type: 'result', id, json } | { type: 'message', id, json } | { type: 'done', id }
 *                | { type: 'error', id, code, message } | { type: 'fetch', id, fetchId, request }
 *                | { type: 'log', level, message } | { type: 'fatal', message }
 *
 * The channel is Node's IPC on fd 3 (NODE_CHANNEL_FD, one JSON text per line); the gateway
 * reads it with its own capped line reader. Values travel as JSON text (`json`) so that the
 * size check here and the host's parse see the same bytes. The host trusts none of it: it
 * validates every message again.
 *
 * Plugin code runs in this same realm and can tamper with anything here (even the sender);
 * that only breaks its own process: the boundary is the host's validation, not this file.
 */
import { format } from 'node:util';
import { harden } from './harden.mjs';

const settings = JSON.parse(process.argv[2] ?? '{}');
const MAX_OUTPUT_BYTES = settings.maxOutputBytes;
const MAX_LOG_LENGTH = 4000;
const POINT_EXPORTS = {
  'app.moderation.input': 'moderateInput',
  'app.moderation.output': 'moderateOutput',
  'app.external_data_tool.query': 'query',
};
const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error']);

const JSONStringify = JSON.stringify;
const byteLength = Buffer.byteLength;

const send = harden();

/** What the plugin's code throws through ctx.fetch: `code` is the gateway's error code. */
class PluginFetchError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'PluginFetchError';
    this.code = code;
  }
}

/** Output that breaks the rules (not JSON, too large): PLUGIN_OUTPUT_INVALID rather than PLUGIN_ERROR. */
class OutputError extends Error {}

function log(level, message) {
  const text = typeof message === 'string' ? message : format(message);
  send({ type: 'log', level: LOG_LEVELS.has(level) ? level : 'info', message: text.slice(0, MAX_LOG_LENGTH) });
}

// stdout/stderr go to /dev/null (a pipe would be a net.Socket the plugin could reuse): console goes to the gateway's log.
for (const [method, level] of [['log', 'info'], ['info', 'info'], ['debug', 'debug'], ['trace', 'debug'], ['warn', 'warn'], ['error', 'error']]) {
  console[method] = (...args) => log(level, format(...args));
}

function messageOf(err) {
  try {
    if (err instanceof Error && typeof err.message === 'string') return err.message;
    if (typeof err === 'string') return err;
  } catch {
    // A hostile getter: fall through.
  }
  return 'The plugin threw a non-Error value';
}

/** JSON text of one output value, counted against the call's budget. */
function serialize(value, budget, what) {
  if (value === undefined) throw new OutputError(`The plugin returned no ${what}`);
  let json;
  try {
    json = JSONStringify(value);
  } catch (err) {
    throw new OutputError(`The plugin's ${what} is not JSON-serialisable: ${messageOf(err)}`);
  }
  if (typeof json !== 'string') throw new OutputError(`The plugin's ${what} is not JSON-serialisable`);
  budget.used += byteLength(json);
  if (budget.used > MAX_OUTPUT_BYTES) throw new OutputError(`The plugin's output is larger than ${MAX_OUTPUT_BYTES} bytes`);
  return json;
}

// ---- ctx.fetch: an IPC round trip; the host checks permissions.hosts and the SSRF guard ----

let fetchSeq = 0;
const pendingFetches = new Map();

function headerObject(headers) {
  const out = {};
  if (headers === undefined || headers === null) return out;
  const entries = typeof headers.entries === 'function' && !Array.isArray(headers) ? [...headers.entries()] : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) out[String(name).toLowerCase()] = String(value);
  return out;
}

function encodeBody(body, headers) {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { body };
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return { body: body.toString() };
  }
  if (body instanceof ArrayBuffer) return { bodyBase64: Buffer.from(body).toString('base64') };
  if (ArrayBuffer.isView(body)) return { bodyBase64: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') };
  throw new TypeError('ctx.fetch: body must be a string, URLSearchParams, ArrayBuffer or typed array');
}

function makeResponse(response) {
  const bytes = Buffer.from(response.bodyBase64, 'base64');
  const text = () => bytes.toString('utf8');
  return Object.freeze({
    status: response.status,
    ok: response.status >= 200 && response.status < 300,
    url: response.url,
    headers: new Headers(response.headers),
    text: async () => text(),
    json: async () => JSON.parse(text()),
    bytes: async () => new Uint8Array(bytes),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
}

function pluginFetch(call, input, init = {}) {
  return new Promise((resolve, reject) => {
    if (call.signal.aborted) return reject(new PluginFetchError('ABORTED', 'The call has ended'));
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    if (url === undefined) throw new TypeError('ctx.fetch: the first argument must be a URL string or URL');
    const headers = headerObject(init.headers);
    const request = { url, method: String(init.method ?? 'GET').toUpperCase(), headers, ...encodeBody(init.body, headers) };
    if (init.timeoutMs !== undefined) request.timeoutMs = Number(init.timeoutMs);
    const fetchId = ++fetchSeq;
    pendingFetches.set(fetchId, { resolve, reject });
    send({ type: 'fetch', id: call.id, fetchId, request });
  });
}

function onFetchResult(message) {
  const pending = pendingFetches.get(message.fetchId);
  if (!pending) return;
  pendingFetches.delete(message.fetchId);
  if (message.error) pending.reject(new PluginFetchError(message.error.code, message.error.message));
  else pending.resolve(makeResponse(message.response));
}

// ---- calls ----

let plugin;
const calls = new Map();

/** A plugin export: a named export, or a property of the default export. */
function exported(name) {
  const direct = plugin[name];
  if (direct !== undefined) return direct;
  const fallback = plugin.default;
  return fallback !== null && typeof fallback === 'object' ? fallback[name] : undefined;
}

function toolFunction(name) {
  const tools = exported('tools');
  if (tools === null || typeof tools !== 'object' || !Object.hasOwn(tools, name)) return undefined;
  return typeof tools[name] === 'function' ? tools[name] : undefined;
}

function describeExports() {
  const points = Object.entries(POINT_EXPORTS)
    .filter(([, name]) => typeof exported(name) === 'function')
    .map(([point]) => point);
  const tools = exported('tools');
  const toolNames = tools !== null && typeof tools === 'object' ? Object.keys(tools).filter((name) => typeof tools[name] === 'function') : [];
  return { points, tools: toolNames };
}

function notImplemented(point, tool) {
  if (tool !== undefined) return new Error(`The plugin does not implement ${point} for tool "${tool}"`);
  return new Error(`The plugin does not implement ${point} (export ${POINT_EXPORTS[point]})`);
}

/** A yielded or returned tool message; a bare string is a TEXT message. */
function toolMessage(value) {
  return typeof value === 'string' ? { type: 'TEXT', text: value } : value;
}

async function runTool(call, fn, params, ctx) {
  const budget = { used: 0 };
  const emit = (value) => send({ type: 'message', id: call.id, json: serialize(toolMessage(value), budget, 'message') });
  const result = fn(params, ctx);
  if (result !== null && typeof result === 'object' && typeof result[Symbol.asyncIterator] === 'function') {
    for await (const value of result) {
      if (call.signal.aborted) break;
      emit(value);
    }
    return;
  }
  if (result !== null && typeof result === 'object' && typeof result.next === 'function' && typeof result[Symbol.iterator] === 'function') {
    for (const value of result) {
      if (call.signal.aborted) break;
      emit(value);
    }
    return;
  }
  const value = await result;
  // A tool that returns nothing produced no message (it may only have had side effects).
  if (value === undefined) return;
  for (const item of Array.isArray(value) ? value : [value]) emit(item);
}

async function runCall(message) {
  const controller = new AbortController();
  const call = { id: message.id, signal: controller.signal, controller };
  calls.set(call.id, call);
  const ctx = Object.freeze({
    config: message.config,
    fetch: (input, init) => pluginFetch(call, input, init),
    log,
    signal: controller.signal,
  });
  try {
    if (message.point === 'tool.invoke') {
      const fn = toolFunction(message.tool);
      if (!fn) throw notImplemented(message.point, message.tool);
      await runTool(call, fn, message.params, ctx);
      send({ type: 'done', id: call.id });
    } else {
      const fn = exported(POINT_EXPORTS[message.point]);
      if (typeof fn !== 'function') throw notImplemented(message.point);
      const value = await fn(message.params, ctx);
      send({ type: 'result', id: call.id, json: serialize(value, { used: 0 }, 'result') });
    }
  } catch (err) {
    let code = 'PLUGIN_ERROR';
    if (err instanceof OutputError) code = 'PLUGIN_OUTPUT_INVALID';
    else if (err instanceof PluginFetchError && err.code === 'DESTINATION_BLOCKED') code = 'DESTINATION_BLOCKED';
    send({ type: 'error', id: call.id, code, message: messageOf(err).slice(0, 2000) });
  } finally {
    calls.delete(call.id);
    controller.abort();
  }
}

process.on('message', (message) => {
  if (message === null || typeof message !== 'object') return;
  if (message.type === 'call') {
    // Out of the IPC read callback, so plugin code never runs inside the pipe's async context.
    setImmediate(() => void runCall(message));
  } else if (message.type === 'cancel') {
    calls.get(message.id)?.controller.abort();
  } else if (message.type === 'fetch-result') {
    onFetchResult(message);
  }
});

// The gateway went away (or closed the channel): nothing left to serve.
process.on('disconnect', () => process.exit(0));

/** Sends a last message, then exits once it has left (or after a short grace period). */
function exitWith(message, code) {
  setTimeout(() => process.exit(code), 500).unref();
  send(message, () => process.exit(code));
}

function fatal(err) {
  exitWith({ type: 'fatal', message: messageOf(err).slice(0, 2000) }, 70);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

try {
  plugin = await import(settings.entry);
} catch (err) {
  exitWith({ type: 'load-error', message: messageOf(err).slice(0, 2000) }, 78);
}
if (plugin) send({ type: 'ready', exports: describeExports() });
