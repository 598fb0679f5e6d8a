/**
 * CodeRunner against a real PluginHost: every snippet runs in a sandbox process, so these
 * tests spawn Node processes (a cold start is ~100-300 ms).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost } from '../../src/extensions/plugins/plugin-host.js';
import { createLogger } from '../../src/logger.js';
import { CodeRunner, codePluginName } from '../../src/workflows/code/code-runner.js';

const CANARY = 'PLUGBOARD_CODE_RUNNER_TEST_CANARY';
const log = createLogger('silent');
const hosts: PluginHost[] = [];

function newHost(options: Partial<ConstructorParameters<typeof PluginHost>[0]> = {}): PluginHost {
  // maxRestarts: the crash tests would otherwise disable the runner for the tests after them.
  const host = new PluginHost({ log, allow: [], memoryMb: 64, maxRestarts: 100, ...options });
  hosts.push(host);
  return host;
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}

const PID = 'function main() { return { pid: process.pid } }';

let host: PluginHost;
let runner: CodeRunner;

beforeAll(() => {
  process.env[CANARY] = 'the gateway secret';
  host = newHost({ maxOutputBytes: 64 * 1024 });
  runner = new CodeRunner(host, { timeoutMs: 10_000 });
});

afterAll(async () => {
  // Every sandbox process is killed and awaited: vitest would hang on them otherwise.
  await Promise.all(hosts.map((h) => h.close()));
  delete process.env[CANARY];
});

describe('CodeRunner: results and errors', () => {
  const workspace = randomUUID();
  const run = (code: string, inputs: Record<string, unknown> = {}) => runner.run(workspace, code, inputs, {});

  it("returns main's object, computed from the inputs", async () => {
    const code = 'function main({ a, b, names }) { return { sum: a + b, upper: names.map((n) => n.toUpperCase()) } }';
    expect(await run(code, { a: 2, b: 40, names: ['x', 'y'] })).toEqual({ sum: 42, upper: ['X', 'Y'] });
    // The same code again (compiled once, cached) with other inputs.
    expect(await run(code, { a: 1, b: 1, names: [] })).toEqual({ sum: 2, upper: [] });
  });

  it('awaits an async main, and an arrow function assigned to main', async () => {
    expect(await run('async function main(inputs) { await new Promise((r) => setTimeout(r, 20)); return { twice: inputs.n * 2 } }', { n: 21 })).toEqual({ twice: 42 });
    expect(await run('const main = async ({ s }) => ({ length: s.length });', { s: 'hello' })).toEqual({ length: 5 });
  });

  it("starts each call with fresh top-level state (only globals persist in the workspace's process)", async () => {
    const code = 'let calls = 0; function main() { calls += 1; return { calls } }';
    expect(await run(code)).toEqual({ calls: 1 });
    expect(await run(code)).toEqual({ calls: 1 });
  });

  it("reports a throw as CODE_ERROR with the snippet's message only", async () => {
    const err = await failure(run("function main(inputs) { throw new TypeError('no city given for ' + inputs.who) }", { who: 'Ada' }));
    expect(err).toMatchObject({ code: 'CODE_ERROR', message: 'no city given for Ada' });
    expect(err.message).not.toContain('index.mjs');

    const long = await failure(run("function main() { throw new Error('x'.repeat(5000)) }"));
    expect(long.code).toBe('CODE_ERROR');
    expect(long.message.length).toBeLessThanOrEqual(500);

    expect(await failure(run("function main() { throw 'plain text' }"))).toMatchObject({ code: 'CODE_ERROR', message: 'main threw plain text' });
    expect(await failure(run('async function main() { return null.x }'))).toMatchObject({ code: 'CODE_ERROR', message: expect.stringContaining('null') });
  });

  it('does not show the install path when a snippet throws its own stack', async () => {
    const err = await failure(run('function main() { throw new Error(new Error("where").stack) }'));
    expect(err.code).toBe('CODE_ERROR');
    expect(err.message).toContain('where');
    expect(err.message).not.toContain(process.cwd());
  });

  it('refuses code without main, code that does not compile, and results that are not objects', async () => {
    expect(await failure(run('function handler() { return {} }'))).toMatchObject({ code: 'CODE_ERROR', message: 'The code must define function main(inputs)' });
    expect(await failure(run(''))).toMatchObject({ code: 'CODE_ERROR', message: 'The code must define function main(inputs)' });
    expect(await failure(run('function main( { return {} }'))).toMatchObject({ code: 'CODE_ERROR', message: expect.stringMatching(/^The code does not compile: /) });
    for (const value of ['42', '"text"', '[1, 2]', 'null', 'undefined', 'new Date()', 'new Map()']) {
      expect(await failure(run(`function main() { return ${value} }`)), value).toMatchObject({ code: 'CODE_ERROR', message: 'main must return an object' });
    }
  });

  it('refuses a result that is not JSON or too large with CODE_OUTPUT_INVALID', async () => {
    expect(await failure(run('function main() { return { n: 10n } }'))).toMatchObject({ code: 'CODE_OUTPUT_INVALID', message: expect.stringContaining('JSON') });
    expect(await failure(run("function main() { return { s: 'x'.repeat(100000) } }"))).toMatchObject({ code: 'CODE_OUTPUT_INVALID', message: expect.stringContaining('larger than') });
    // The process survives both.
    expect(await run('function main() { return { ok: true } }')).toEqual({ ok: true });
  });

  it('refuses inputs that are not a JSON object before anything runs', async () => {
    expect(await failure(run(PID, { n: 10n }))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('JSON-serialisable') });
    expect(await failure(runner.run(workspace, PID, [] as unknown as Record<string, unknown>, {}))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await failure(runner.run(workspace, 'x'.repeat(100_001), {}, {}))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('CodeRunner: limits', () => {
  it('kills a looping snippet at its time limit (CODE_TIMEOUT); the next call in the workspace works again', async () => {
    const workspace = randomUUID();
    const { pid } = await runner.run(workspace, PID, {}, {});
    const started = Date.now();
    const err = await failure(runner.run(workspace, 'function main() { while (true) {} }', {}, { timeoutMs: 1500 }));
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({ code: 'CODE_TIMEOUT', message: 'The code did not finish within 1500 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
    const after = await runner.run(workspace, PID, {}, {});
    expect(after.pid).not.toBe(pid);
  });

  it('reports unbounded allocation as CODE_CRASHED (heap limit of the host) and recovers', async () => {
    const workspace = randomUUID();
    const code = 'function main() { const keep = []; while (true) keep.push(new Array(100000).fill(Math.random())); }';
    const err = await failure(runner.run(workspace, code, {}, { timeoutMs: 20_000 }));
    expect(err).toMatchObject({ code: 'CODE_CRASHED', message: expect.stringContaining('memory') });
    expect(err.message).toMatch(/^The code process /);
    expect(await runner.run(workspace, 'function main() { return { ok: 1 } }', {}, {})).toEqual({ ok: 1 });
  }, 40_000);

  it('stops an aborted call at once, and with it the looping process', async () => {
    const workspace = randomUUID();
    const { pid } = await runner.run(workspace, PID, {}, {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const err = await failure(runner.run(workspace, 'function main() { while (true) {} }', {}, { timeoutMs: 20_000, signal: controller.signal }));
    expect(err.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1500);
    // Without stopping the process the next call would wait behind the loop for 20 s.
    const next = Date.now();
    const after = await runner.run(workspace, PID, {}, { timeoutMs: 5000 });
    expect(after.pid).not.toBe(pid);
    expect(Date.now() - next).toBeLessThan(3000);
    // An already aborted signal never starts anything.
    expect((await failure(runner.run(workspace, PID, {}, { signal: AbortSignal.abort() }))).name).toBe('AbortError');
  });

  it('pauses a workspace whose code keeps crashing, then lets it run again', async () => {
    const crashHost = newHost({ maxRestarts: 1, restartWindowMs: 60_000 });
    const crashing = new CodeRunner(crashHost, { timeoutMs: 10_000, crashPauseMs: 700 });
    const workspace = randomUUID();
    const exit = 'function main() { process.exit(3) }';
    for (let i = 0; i < 2; i++) {
      expect(await failure(crashing.run(workspace, exit, {}, {}))).toMatchObject({ code: 'CODE_CRASHED', message: expect.stringContaining('exit code 3') });
    }
    expect(crashHost.state(codePluginName(workspace))).toBe('DISABLED');
    const paused = await failure(crashing.run(workspace, PID, {}, {}));
    expect(paused).toMatchObject({ code: 'CODE_CRASHED', message: expect.stringContaining('paused') });
    // Other workspaces are not affected.
    expect(await crashing.run(randomUUID(), 'function main() { return { ok: 1 } }', {}, {})).toEqual({ ok: 1 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await crashing.run(workspace, 'function main() { return { ok: 2 } }', {}, {})).toEqual({ ok: 2 });
  });
});

describe('CodeRunner: isolation', () => {
  const workspace = randomUUID();
  const probe = (body: string) => runner.run(workspace, `async function main() { try { return { value: await (async () => { ${body} })() } } catch (e) { return { error: String(e.message) } } }`, {}, {});

  it('gives snippets no modules, no environment and no network', async () => {
    expect(await failure(runner.run(workspace, "async function main() { const fs = await import('node:fs'); return { fs: typeof fs } }", {}, {}))).toMatchObject({
      code: 'CODE_ERROR',
      message: expect.stringContaining('cannot import modules'),
    });
    expect(await probe("return typeof process.getBuiltinModule('fs')")).toEqual({ error: 'Code nodes cannot load modules' });
    expect(await probe('return Object.keys(process.env)')).toEqual({ value: [] });
    expect(await probe('return [typeof fetch, typeof require, typeof WebSocket]')).toEqual({ value: ['undefined', 'undefined', 'undefined'] });
  });

  it('gives snippets no way to compile strings (an import assembled at run time)', async () => {
    const stringImport = "'return imp' + 'ort(\"node:fs\")'";
    for (const body of [`return Function(${stringImport})()`, `return (() => {}).constructor(${stringImport})()`, `return Object.getPrototypeOf(async () => {}).constructor(${stringImport})()`, "return eval('1 + 1')", "return (0, eval)('1 + 1')"]) {
      expect(await probe(body), body).toEqual({ error: 'Code nodes cannot compile code from strings (eval, Function)' });
    }
    // The lockdown does not break ordinary use of functions.
    expect(await probe('return [(() => 1) instanceof Function, [3, 1, 2].sort().join()]')).toEqual({ value: [true, '1,2,3'] });
  });

  it("does not see the runner's scope or the plugin call's ctx", async () => {
    expect(await probe('return [typeof ctx, typeof tools, typeof compiled, typeof FunctionConstructor]')).toEqual({ value: ['undefined', 'undefined', 'undefined', 'undefined'] });
    expect(await probe('return main.caller')).toMatchObject({ error: expect.stringContaining('strict mode') });
  });

  it('runs each workspace in its own process: globals are shared within a workspace, never across', async () => {
    const other = randomUUID();
    const set = 'function main({ secret }) { globalThis.leaked = secret; return { pid: process.pid } }';
    const get = 'function main() { return { seen: globalThis.leaked ?? null, pid: process.pid } }';
    const mine = await runner.run(workspace, set, { secret: 'tenant A data' }, {});
    const theirs = await runner.run(other, get, {}, {});
    expect(theirs.seen).toBeNull();
    expect(theirs.pid).not.toBe(mine.pid);
    // Documented behaviour: snippets of the same workspace share the process and its globals.
    expect(await runner.run(workspace, get, {}, {})).toEqual({ seen: 'tenant A data', pid: mine.pid });
  });

  it('derives collision-free process names from workspace IDs', () => {
    expect(codePluginName('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('code-0f8fad5bd9cb469fa16570867728950e');
    const hashed = [codePluginName('a-bc'), codePluginName('ab-c'), codePluginName('x'.repeat(200)), codePluginName(`${'x'.repeat(200)}y`)];
    expect(new Set(hashed).size).toBe(4);
    for (const name of hashed) expect(name).toMatch(/^code-x[0-9a-f]{58}$/);
  });
});
