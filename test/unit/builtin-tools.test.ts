import http from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../support/local-server.js';
import { createGuardedHttpClient } from '../../src/platform/http/guarded-client.js';
import { BUILTIN_TOOLS, builtinProvider, createCurrentTimeTool } from '../../src/tools/builtin/index.js';
import { mathSandbox } from '../../src/tools/builtin/math-sandbox.js';
import { checkParameters } from '../../src/tools/tool-parameters.js';
import type { Tool, ToolInvocation, ToolMessage } from '../../src/tools/tool.types.js';

const client = createGuardedHttpClient({
  allow: ['127.0.0.1'],
  defaults: { connectTimeoutMs: 2000, totalTimeoutMs: 5000, maxResponseBytes: 1_000_000, maxRedirects: 3 },
});
const log = pino({ level: 'silent' });

interface Failure {
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

function invocation(parameters: Record<string, unknown>, signal: AbortSignal = new AbortController().signal): ToolInvocation {
  return { parameters, credentials: {}, signal, http: client, log, workspaceId: 'w' };
}

function toolNamed(name: string): Tool {
  const tool = BUILTIN_TOOLS.find((candidate) => candidate.definition.name === name);
  if (!tool) throw new Error(`no builtin tool ${name}`);
  return tool;
}

async function collect(messages: AsyncIterable<ToolMessage>): Promise<ToolMessage[]> {
  const all: ToolMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

/** Calls a tool the way the ToolManager does: parameters checked, coerced and defaulted first. */
async function call(tool: Tool | string, input: Record<string, unknown>, signal?: AbortSignal): Promise<ToolMessage[]> {
  const resolved = typeof tool === 'string' ? toolNamed(tool) : tool;
  return collect(resolved.invoke(invocation(checkParameters(resolved.definition, input), signal)));
}

/** Calls a tool with parameters as given, skipping the ToolManager's checks (odd values reach the tool). */
async function callRaw(name: string, parameters: Record<string, unknown>): Promise<ToolMessage[]> {
  return collect(toolNamed(name).invoke(invocation(parameters)));
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return error as Failure;
  }
  throw new Error('expected the call to fail');
}

// ---------------------------------------------------------------------------------------------
// A real backend for http_request.

interface Seen {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];

const handler: http.RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
    const request: Seen = { method: req.method ?? '', path: url.pathname, query, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    seen.push(request);
    switch (url.pathname) {
      case '/echo': {
        const { headers: _headers, ...rest } = request;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ...rest, contentType: req.headers['content-type'] ?? null }));
      }
      case '/text':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(req.method === 'HEAD' ? undefined : 'plain text');
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('no such thing');
      default:
        res.writeHead(500);
        return res.end();
    }
  });
};

let backend: LocalServer;
let base = '';

beforeAll(async () => {
  backend = await startLocalServer(handler);
  base = backend.url;
});

afterAll(async () => {
  await backend.close();
  await client.close();
  await mathSandbox.close();
});

// ---------------------------------------------------------------------------------------------

describe('builtinProvider', () => {
  it('is the BUILTIN provider of the five tools, each with a usable definition', () => {
    expect(builtinProvider.kind).toBe('BUILTIN');
    expect(builtinProvider.tools().map((tool) => tool.definition.name)).toEqual([
      'http_request',
      'json_query',
      'text_template',
      'current_time',
      'math_evaluate',
    ]);
    for (const { definition } of builtinProvider.tools()) {
      expect(definition.name).toMatch(/^[A-Za-z0-9_.-]{1,128}$/);
      expect(definition.description.length).toBeGreaterThan(40);
      for (const parameter of definition.parameters) {
        expect(parameter.description.length).toBeGreaterThan(10);
        if (parameter.type === 'SELECT') expect(parameter.options?.length).toBeGreaterThan(0);
      }
      // The ToolManager's validator accepts the definition and reports a missing required parameter.
      const required = definition.parameters.filter((parameter) => parameter.required);
      if (required.length > 0) expect(() => checkParameters(definition, {})).toThrowError(/Missing required parameter/);
      else expect(() => checkParameters(definition, {})).not.toThrow();
    }
  });
});

describe('http_request', () => {
  it('sends method, query, headers and body and returns the JSON response', async () => {
    const messages = await call('http_request', {
      method: 'POST',
      url: `${base}/echo?a=1&b=2`,
      query: { b: 'x', c: [1, 2] },
      headers: { 'Content-Type': 'application/json', 'X-Test': 'yes' },
      body: '{"hello":"world"}',
    });
    const expected = { method: 'POST', path: '/echo', query: { a: ['1'], b: ['x'], c: ['1', '2'] }, body: '{"hello":"world"}', contentType: 'application/json' };
    expect(messages).toEqual([
      { type: 'JSON', json: expected },
      { type: 'TEXT', text: JSON.stringify(expected) },
    ]);
    expect(seen.at(-1)?.headers['x-test']).toBe('yes');
  });

  it('defaults to GET and streams a text response', async () => {
    expect(await call('http_request', { url: `${base}/text` })).toEqual([{ type: 'TEXT', text: 'plain text' }]);
    expect(seen.at(-1)?.method).toBe('GET');
  });

  it('answers a HEAD request with the status and descriptive headers', async () => {
    expect(await call('http_request', { method: 'HEAD', url: `${base}/text` })).toEqual([
      { type: 'JSON', json: { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } } },
    ]);
    expect(seen.at(-1)?.method).toBe('HEAD');
  });

  it('never echoes request headers', async () => {
    const messages = await call('http_request', { url: `${base}/text`, headers: { Authorization: 'Bearer secret-token-123' } });
    expect(messages).toEqual([{ type: 'TEXT', text: 'plain text' }]);
    expect(JSON.stringify(messages)).not.toContain('secret-token-123');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer secret-token-123');
  });

  it('refuses a header value with CR/LF without sending anything or repeating the value', async () => {
    const before = seen.length;
    const error = await failure(call('http_request', { url: `${base}/text`, headers: { 'X-Evil': 'secret\r\nInjected: 1' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).not.toContain('secret');
    expect(seen.length).toBe(before);
  });

  it('refuses bad header names, bodies on GET and non-http URLs', async () => {
    for (const input of [
      { url: `${base}/text`, headers: { 'Bad Name': 'x' } },
      { url: `${base}/text`, headers: { 'X-Line\n': 'x' } },
      { url: `${base}/text`, body: 'not with GET' },
      { url: 'ftp://127.0.0.1/file' },
      { url: 'not a url' },
      { url: `${base}/text`, query: { nested: { no: 1 } } },
    ]) {
      expect((await failure(call('http_request', input))).code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
  });

  it('survives odd parameter values', async () => {
    for (const parameters of [{}, { url: 42 }, { url: `${base}/text`, headers: 'x' }, { url: `${base}/text`, method: 'BREW' }, { url: `${base}/text`, headers: { a: {} } }]) {
      expect((await failure(callRaw('http_request', parameters))).code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
  });

  it('fails with UPSTREAM_ERROR and the status on a 404', async () => {
    const error = await failure(call('http_request', { url: `${base}/missing` }));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.details).toEqual({ status: 404 });
  });

  it('is refused private destinations by the guarded client', async () => {
    const error = await failure(call('http_request', { url: 'http://169.254.169.254/latest/meta-data/' }));
    expect(error.code).toBe('DESTINATION_BLOCKED');
  });
});

describe('json_query', () => {
  const people = '{"people":[{"name":"Ada","age":36},{"name":"Alan","age":41},{"name":"Grace","age":85}]}';

  it('applies a JMESPath expression', async () => {
    expect(await call('json_query', { json: people, expression: 'people[?age > `40`].name' })).toEqual([
      { type: 'JSON', json: ['Alan', 'Grace'] },
      { type: 'TEXT', text: '["Alan","Grace"]' },
    ]);
  });

  it('parses with "@" and gives null for no match', async () => {
    expect(await call('json_query', { json: '[1, {"a": true}]', expression: '@' })).toEqual([
      { type: 'JSON', json: [1, { a: true }] },
      { type: 'TEXT', text: '[1,{"a":true}]' },
    ]);
    expect(await call('json_query', { json: people, expression: 'nobody' })).toEqual([
      { type: 'JSON', json: null },
      { type: 'TEXT', text: 'null' },
    ]);
  });

  it('accepts an already parsed document when invoked directly', async () => {
    expect(await callRaw('json_query', { json: { a: [1, 2] }, expression: 'a[1]' })).toEqual([
      { type: 'JSON', json: 2 },
      { type: 'TEXT', text: '2' },
    ]);
  });

  it('reports invalid JSON with its position', async () => {
    const error = await failure(call('json_query', { json: '{"a": tru}', expression: 'a' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ parameter: 'json', position: 9, line: 1, column: 10 });
    const multiline = await failure(call('json_query', { json: '{\n  "a": 1,\n}', expression: 'a' }));
    expect(multiline.details).toMatchObject({ position: 12, line: 3, column: 1 });
  });

  it('refuses invalid JMESPath', async () => {
    for (const expression of ['people[?', 'nosuchfunction(@)', 'abs(`"text"`)']) {
      const error = await failure(call('json_query', { json: people, expression }));
      expect(error.code, expression).toBe('BAD_USER_INPUT');
      expect(error.details?.parameter).toBe('expression');
    }
  });

  it('bounds queries whose results expand exponentially', async () => {
    const doubling = Array.from({ length: 40 }, () => '[@, @]').join(' | ');
    for (const expression of [doubling, `${doubling} | to_string(@) | length(@)`]) {
      const started = performance.now();
      const error = await failure(call('json_query', { json: '{"a": 1}', expression }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/larger than|longer than/);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('survives odd parameter values', async () => {
    for (const parameters of [{}, { json: '1' }, { json: '1', expression: 42 }, { expression: '@' }]) {
      expect((await failure(callRaw('json_query', parameters))).code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('text_template', () => {
  it('renders a Liquid template with variables', async () => {
    const messages = await call('text_template', {
      template: 'Hello {{ name | upcase }}!{% for item in items %} {{ forloop.index }}.{{ item }}{% endfor %}',
      variables: { name: 'Ada', items: ['x', 'y'] },
    });
    expect(messages).toEqual([{ type: 'TEXT', text: 'Hello ADA! 1.x 2.y' }]);
  });

  it('defaults variables to {} and renders unknown ones as empty', async () => {
    expect(await call('text_template', { template: 'a{{ missing }}b' })).toEqual([{ type: 'TEXT', text: 'ab' }]);
  });

  it('reads only own properties of the variables', async () => {
    expect(await call('text_template', { template: '[{{ name.constructor }}{{ obj.__proto__ }}{{ obj.toString }}{{ obj.k }}]', variables: { name: 'x', obj: { k: 1 } } })).toEqual([
      { type: 'TEXT', text: '[1]' },
    ]);
  });

  it('refuses include, render and layout', async () => {
    for (const template of ["{% include 'package.json' %}", "{% render 'package.json' %}", "{% layout 'package.json' %}x", "{% liquid\n include 'package.json' %}"]) {
      const error = await failure(call('text_template', { template }));
      expect(error.code, template).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('not available');
    }
  });

  it('reports template errors with their line', async () => {
    const unknownFilter = await failure(call('text_template', { template: 'one\ntwo\n{{ x | nosuchfilter }}' }));
    expect(unknownFilter.code).toBe('BAD_USER_INPUT');
    expect(unknownFilter.details).toMatchObject({ parameter: 'template', line: 3 });
    const unclosed = await failure(call('text_template', { template: 'start\n{% if x %}never closed' }));
    expect(unclosed.code).toBe('BAD_USER_INPUT');
    expect(unclosed.details).toMatchObject({ line: 2 });
  });

  it('limits output and memory', async () => {
    const output = await failure(call('text_template', { template: '{% for i in (1..2000) %}{{ block }}{% endfor %}', variables: { block: 'x'.repeat(1000) } }));
    expect(output.code).toBe('BAD_USER_INPUT');
    expect(output.message).toContain('larger than');
    const memory = await failure(
      call('text_template', { template: '{% assign s = "x" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}' }),
    );
    expect(memory.code).toBe('BAD_USER_INPUT');
  });

  it('stops a filter that would run for minutes', async () => {
    // join over arrays nested with push builds an exponentially long string inside one filter call.
    const template = '{% assign a = "x" | split: "" %}{% for i in (1..40) %}{% assign a = a | push: a | push: a %}{% endfor %}{{ a | join: "," | size }}';
    const started = performance.now();
    const error = await failure(call('text_template', { template }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('The template took longer than 1000 ms to render');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('survives odd parameter values', async () => {
    for (const parameters of [{}, { template: 1 }, { template: 'x', variables: 'nope' }, { template: 'x', variables: [1] }]) {
      expect((await failure(callRaw('text_template', parameters))).code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('current_time', () => {
  const pinned = createCurrentTimeTool(() => new Date('2026-03-01T12:34:56.789Z'));
  const unix = 1772368496;

  it('gives ISO time in a zone as TEXT and JSON', async () => {
    expect(await call(pinned, { timezone: 'Asia/Kolkata' })).toEqual([
      { type: 'TEXT', text: '2026-03-01T18:04:56+05:30' },
      {
        type: 'JSON',
        json: { iso: '2026-03-01T18:04:56+05:30', unix, timezone: 'Asia/Kolkata', offset: '+05:30', formatted: '2026-03-01T18:04:56+05:30' },
      },
    ]);
  });

  it('defaults to UTC and ISO', async () => {
    const [text, json] = await call(pinned, {});
    expect(text).toEqual({ type: 'TEXT', text: '2026-03-01T12:34:56+00:00' });
    expect(json).toEqual({ type: 'JSON', json: { iso: '2026-03-01T12:34:56+00:00', unix, timezone: 'UTC', offset: '+00:00', formatted: '2026-03-01T12:34:56+00:00' } });
  });

  it('formats RFC 2822, UNIX and HUMAN', async () => {
    expect((await call(pinned, { timezone: 'America/New_York', format: 'RFC2822' }))[0]).toEqual({ type: 'TEXT', text: 'Sun, 01 Mar 2026 07:34:56 -0500' });
    expect((await call(pinned, { timezone: 'America/St_Johns', format: 'UNIX' }))[0]).toEqual({ type: 'TEXT', text: String(unix) });
    const [human] = await call(pinned, { timezone: 'America/New_York', format: 'HUMAN', locale: 'en-US' });
    expect(human?.type === 'TEXT' && human.text.replace(/\u202f/g, ' ')).toBe('Sunday, March 1, 2026 at 7:34:56 AM EST');
    const [, json] = await call(pinned, { timezone: 'America/St_Johns' });
    expect(json).toMatchObject({ json: { offset: '-03:30', iso: '2026-03-01T09:04:56-03:30' } });
  });

  it('uses the real clock by default', async () => {
    const [, json] = await call('current_time', {});
    const now = Math.floor(Date.now() / 1000);
    expect(json?.type).toBe('JSON');
    expect(Math.abs((json as { json: { unix: number } }).json.unix - now)).toBeLessThanOrEqual(5);
  });

  it('refuses unknown time zones, locales and formats', async () => {
    for (const input of [{ timezone: 'Mars/Olympus_Mons' }, { timezone: 'Not a zone' }, { format: 'HUMAN', locale: 'not a locale!' }, { format: 'XYZ' }]) {
      expect((await failure(call(pinned, input))).code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const error = await failure(call(pinned, { timezone: 'Mars/Olympus_Mons' }));
    expect(error.details?.parameter).toBe('timezone');
  });

  it('survives odd parameter values', async () => {
    for (const parameters of [{ timezone: 5 }, { format: 1 }, { locale: {} }]) {
      expect((await failure(collect(pinned.invoke(invocation(parameters))))).code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('math_evaluate', () => {
  it('evaluates an expression with variables', { timeout: 60_000 }, async () => {
    expect(await call('math_evaluate', { expression: '2 + 3 * x', variables: { x: 4 } })).toEqual([
      { type: 'TEXT', text: '14' },
      { type: 'JSON', json: { result: 14 } },
    ]);
  });

  it('rounds to the requested precision', async () => {
    expect(await call('math_evaluate', { expression: 'sqrt(2)', precision: 5 })).toEqual([
      { type: 'TEXT', text: '1.4142' },
      { type: 'JSON', json: { result: 1.4142 } },
    ]);
    expect(await call('math_evaluate', { expression: '0.1 + 0.2' })).toEqual([
      { type: 'TEXT', text: '0.3' },
      { type: 'JSON', json: { result: 0.30000000000000004 } },
    ]);
  });

  it('handles matrices, units, complex numbers and several statements', async () => {
    expect(await call('math_evaluate', { expression: '[1, 2; 3, 4] * 2' })).toEqual([
      { type: 'TEXT', text: '[[2, 4], [6, 8]]' },
      { type: 'JSON', json: { result: [[2, 4], [6, 8]] } },
    ]);
    expect(await call('math_evaluate', { expression: '5 cm + 2 inch' })).toEqual([
      { type: 'TEXT', text: '10.08 cm' },
      { type: 'JSON', json: { result: '10.08 cm' } },
    ]);
    expect(await call('math_evaluate', { expression: 'sqrt(-4) + 1' })).toEqual([
      { type: 'TEXT', text: '1 + 2i' },
      { type: 'JSON', json: { result: { re: 1, im: 2 } } },
    ]);
    expect(await call('math_evaluate', { expression: 'a = 2; a ^ 10' })).toEqual([
      { type: 'TEXT', text: '1024' },
      { type: 'JSON', json: { result: 1024 } },
    ]);
  });

  it('refuses the functions the mathjs security guide disables, and config', async () => {
    for (const expression of ['import({pi: 3}, {override: true})', 'evaluate("1 + 1")', 'createUnit("furlong2", "220 yard")', 'parse("1")', 'simplify("x + x")', 'derivative("x^2", "x")', 'config({number: "BigNumber"})', 'f = evaluate']) {
      const error = await failure(call('math_evaluate', { expression }));
      expect(error.code, expression).toBe('BAD_USER_INPUT');
      expect(error.message, expression).toMatch(/disabled/);
    }
    // Nothing leaked into the shared instance.
    expect((await call('math_evaluate', { expression: 'pi' }))[0]).toEqual({ type: 'TEXT', text: '3.1415926535898' });
  });

  it('refuses function definitions and assignments to built-ins or elements', async () => {
    for (const expression of ['f(x) = x^2', 'f(n) = f(n - 1); f(1)', 'sin = 2', 'a = [1, 2]; a[100000000] = 1']) {
      expect((await failure(call('math_evaluate', { expression }))).code, expression).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses huge matrices before allocating them', async () => {
    for (const expression of ['ones(1e9)', 'zeros(200, 200)', '1:1e9', 'range(0, 1e9)', 'identity(1000)', 'random([1e6])', 'diag(ones(1000))']) {
      const started = performance.now();
      const error = await failure(call('math_evaluate', { expression }));
      expect(error.code, expression).toBe('BAD_USER_INPUT');
      expect(error.message, expression).toMatch(/at most 10000/);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('reports syntax errors and bad input as BAD_USER_INPUT', async () => {
    for (const input of [{ expression: '2 +' }, { expression: 'nosuchsymbol * 2' }, { expression: 'sin' }, { expression: '1'.repeat(1001) }, { expression: '1', precision: 0 }]) {
      expect((await failure(call('math_evaluate', input))).code, JSON.stringify(input).slice(0, 50)).toBe('BAD_USER_INPUT');
    }
  });

  it('survives odd parameter values', async () => {
    for (const parameters of [{}, { expression: 1 }, { expression: 'x', variables: { x: 'one' } }, { expression: 'x', variables: { 'bad name': 1 } }, { expression: '1', precision: 1.5 }]) {
      expect((await failure(callRaw('math_evaluate', parameters))).code, JSON.stringify(parameters)).toBe('BAD_USER_INPUT');
    }
  });

  it('stops a call whose signal is aborted', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const stop = new Error('caller went away');
    setTimeout(() => controller.abort(stop), 300);
    const started = performance.now();
    const error = await failure(call('math_evaluate', { expression: 'eigs(random([100, 100]))' }, controller.signal));
    expect(error).toBe(stop);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  // These kill the worker: each following call waits for a fresh one to load mathjs (seconds on a busy machine).
  it('survives an expression that exhausts the worker\'s memory', { timeout: 60_000 }, async () => {
    const error = await failure(call('math_evaluate', { expression: 'ones(10000, 1) * ones(1, 10000)' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/too much memory|took longer/);
    expect((await call('math_evaluate', { expression: '6 * 7' }))[0]).toEqual({ type: 'TEXT', text: '42' });
  });

  it('stops an expression that runs too long', { timeout: 60_000 }, async () => {
    const error = await failure(call('math_evaluate', { expression: 'eigs(random([100, 100]))' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('The expression took longer than 3000 ms to evaluate');
  });
});
