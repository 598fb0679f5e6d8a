import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenApi, type ApiOperation, type ApiSpec } from '../../src/tools/openapi/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/openapi/${name}`, import.meta.url), 'utf8');
const parse = (source: string | object, maxOperations = 100) => parseOpenApi(source, { maxOperations });

function operation(spec: ApiSpec, name: string): ApiOperation {
  const found = spec.operations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no operation ${name} in ${spec.operations.map((op) => op.name).join(', ')}`);
  return found;
}

/** name → [location, type, required] of each parameter. */
function shape(op: ApiOperation) {
  return Object.fromEntries(op.parameters.map((parameter) => [parameter.name, [parameter.in, parameter.type, parameter.required]]));
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, any> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, any> };
  }
  throw new Error('expected a failure');
}

function minimal(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra };
}
const ok = { responses: { '200': { description: 'ok' } } };

describe('parseOpenApi: Swagger 2.0 petstore', () => {
  it('imports every operation with server URL, locations, types and bodies', async () => {
    const spec = await parse(fixture('petstore-swagger2.json'));
    expect(spec.title).toBe('Swagger Petstore');
    expect(spec.version).toBe('1.0.7');
    expect(spec.serverUrl).toBe('https://petstore.swagger.io/v2');
    expect(spec.operations.map((op) => `${op.method} ${op.path} ${op.name}`)).toEqual([
      'POST /pet/{petId}/uploadImage uploadFile',
      'POST /pet addPet',
      'PUT /pet updatePet',
      'GET /pet/findByStatus findPetsByStatus',
      'GET /pet/findByTags findPetsByTags',
      'GET /pet/{petId} getPetById',
      'POST /pet/{petId} updatePetWithForm',
      'DELETE /pet/{petId} deletePet',
      'POST /store/order placeOrder',
      'GET /store/order/{orderId} getOrderById',
      'DELETE /store/order/{orderId} deleteOrder',
      'GET /store/inventory getInventory',
      'POST /user/createWithArray createUsersWithArrayInput',
      'POST /user/createWithList createUsersWithListInput',
      'GET /user/{username} getUserByName',
      'PUT /user/{username} updateUser',
      'DELETE /user/{username} deleteUser',
      'GET /user/login loginUser',
      'GET /user/logout logoutUser',
      'POST /user createUser',
    ]);

    const upload = operation(spec, 'uploadFile');
    expect(upload.body).toEqual({ encoding: 'multipart', contentType: 'multipart/form-data', required: false, whole: false });
    expect(shape(upload)).toEqual({ petId: ['path', 'INTEGER', true], additionalMetadata: ['body', 'STRING', false], file: ['body', 'FILE', false] });

    const form = operation(spec, 'updatePetWithForm');
    expect(form.body?.encoding).toBe('form');
    expect(form.body?.contentType).toBe('application/x-www-form-urlencoded');
    expect(shape(form)).toEqual({ petId: ['path', 'INTEGER', true], name: ['body', 'STRING', false], status: ['body', 'STRING', false] });

    const addPet = operation(spec, 'addPet');
    expect(addPet.body).toEqual({ encoding: 'json', contentType: 'application/json', required: true, whole: false });
    expect(shape(addPet)).toEqual({
      id: ['body', 'INTEGER', false],
      category: ['body', 'OBJECT', false],
      name: ['body', 'STRING', true],
      photoUrls: ['body', 'ARRAY', true],
      tags: ['body', 'ARRAY', false],
      status: ['body', 'SELECT', false],
    });
    expect(addPet.parameters.find((p) => p.name === 'status')?.options).toEqual(['available', 'pending', 'sold']);
    expect(addPet.parameters.find((p) => p.name === 'category')?.schema).toMatchObject({ type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } });

    // collectionFormat multi → form, exploded; csv (the default) would be comma-joined.
    const byStatus = operation(spec, 'findPetsByStatus').parameters[0]!;
    expect(byStatus).toMatchObject({ name: 'status', in: 'query', type: 'ARRAY', required: true, style: 'form', explode: true });

    expect(shape(operation(spec, 'deletePet'))).toEqual({ api_key: ['header', 'STRING', false], petId: ['path', 'INTEGER', true] });
    expect(operation(spec, 'getOrderById').parameters[0]!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });

    const many = operation(spec, 'createUsersWithArrayInput');
    expect(many.body).toMatchObject({ encoding: 'json', whole: true, required: true });
    expect(shape(many)).toEqual({ body: ['body', 'ARRAY', true] });

    expect(operation(spec, 'getInventory').parameters).toEqual([]);
    expect(operation(spec, 'getInventory').body).toBeUndefined();
  });

  it('renames a body property that collides with a path parameter, and warns', async () => {
    const spec = await parse(fixture('petstore-swagger2.json'));
    const update = operation(spec, 'updateUser');
    expect(update.parameters.find((p) => p.in === 'path')).toMatchObject({ name: 'username', wireName: 'username' });
    expect(update.parameters.find((p) => p.in === 'body' && p.wireName === 'username')).toMatchObject({ name: 'body_username' });
    expect(spec.warnings).toContain('PUT /user/{username}: body property "username" is named "body_username" (a parameter has its name)');
  });

  it('warns about deprecated operations and security schemes, and hints the auth to use', async () => {
    const spec = await parse(fixture('petstore-swagger2.json'));
    expect(spec.warnings).toContain('GET /pet/findByTags (findPetsByTags) is deprecated');
    expect(spec.warnings.some((w) => w.includes('"api_key"') && w.includes('header'))).toBe(true);
    expect(spec.warnings.some((w) => w.includes('"petstore_auth"') && w.includes('oauth2'))).toBe(true);
    expect(spec.authHint).toEqual({ type: 'API_KEY_HEADER', headerName: 'api_key', prefix: 'NONE' });
  });

  it('produces plain JSON (storable as is)', async () => {
    const spec = await parse(fixture('petstore-swagger2.json'));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('accepts an already-parsed object', async () => {
    const spec = await parse(JSON.parse(fixture('petstore-swagger2.json')) as object);
    expect(spec.operations).toHaveLength(20);
  });

  it('reads a numeric info.version (YAML `version: 1.0`) as text, with a warning', async () => {
    const spec = await parse('swagger: "2.0"\ninfo:\n  title: t\n  version: 1.5\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n');
    expect(spec.version).toBe('1.5');
    expect(spec.warnings.some((w) => w.startsWith('info.version is a number'))).toBe(true);
  });

  it('keeps a relative basePath when there is no host', async () => {
    const spec = await parse({ swagger: '2.0', info: { title: 't', version: '1' }, basePath: '/api/', paths: { '/a': { get: ok } } });
    expect(spec.serverUrl).toBe('/api');
  });
});

describe('parseOpenApi: OpenAPI 3.0 petstore-expanded', () => {
  it('imports operations, sanitising an operationId with spaces', async () => {
    const spec = await parse(fixture('petstore-expanded-3.0.yaml'));
    expect(spec.serverUrl).toBe('https://petstore.swagger.io/v2');
    expect(spec.operations.map((op) => [op.name, op.method, op.path])).toEqual([
      ['findPets', 'GET', '/pets'],
      ['addPet', 'POST', '/pets'],
      ['find_pet_by_id', 'GET', '/pets/{id}'],
      ['deletePet', 'DELETE', '/pets/{id}'],
    ]);
    expect(spec.warnings).toContain('GET /pets/{id}: operationId "find pet by id" is named "find_pet_by_id"');
    expect(shape(operation(spec, 'findPets'))).toEqual({ tags: ['query', 'ARRAY', false], limit: ['query', 'INTEGER', false] });
    expect(shape(operation(spec, 'addPet'))).toEqual({ name: ['body', 'STRING', true], tag: ['body', 'STRING', false] });
    expect(operation(spec, 'addPet').body).toEqual({ encoding: 'json', contentType: 'application/json', required: true, whole: false });
    expect(shape(operation(spec, 'find_pet_by_id'))).toEqual({ id: ['path', 'INTEGER', true] });
    expect(operation(spec, 'findPets').description.length).toBeLessThanOrEqual(2000);
  });
});

describe('parseOpenApi: OpenAPI 3.1', () => {
  it('handles type lists, const, examples, server variables and +json bodies; skips webhooks with a warning', async () => {
    const spec = await parse(fixture('webhook-example-3.1.yaml'));
    expect(spec.serverUrl).toBe('https://eu.hooks.example.com/v1');
    expect(spec.operations.map((op) => op.name)).toEqual(['createSubscription', 'listSubscriptions', 'deleteSubscription']);
    expect(spec.warnings.some((w) => w.includes('webhook'))).toBe(true);

    const create = operation(spec, 'createSubscription');
    expect(create.body).toEqual({ encoding: 'json', contentType: 'application/vnd.hooks+json', required: true, whole: false });
    expect(shape(create)).toEqual({
      url: ['body', 'STRING', true],
      events: ['body', 'ARRAY', true],
      secret: ['body', 'STRING', false],
      version: ['body', 'INTEGER', false],
      window: ['body', 'ARRAY', false],
      owner: ['body', 'OBJECT', false],
    });
    expect(create.parameters.find((p) => p.name === 'secret')?.schema).toMatchObject({ type: ['string', 'null'] });
    expect(create.parameters.find((p) => p.name === 'version')?.schema).toEqual({ const: 2 });
    expect(create.parameters.find((p) => p.name === 'url')?.schema).toMatchObject({ examples: ['https://example.com/hooks'] });

    const list = operation(spec, 'listSubscriptions');
    expect(shape(list)).toEqual({ cursor: ['query', 'STRING', false], kind: ['query', 'STRING', false], 'X-Trace': ['header', 'INTEGER', false] });

    // The path-level parameter is merged into the operation.
    expect(shape(operation(spec, 'deleteSubscription'))).toEqual({ subscriptionId: ['path', 'STRING', true] });
  });
});

describe('parseOpenApi: $ref chains and allOf', () => {
  it('follows parameter, requestBody and schema refs through several hops', async () => {
    const spec = await parse(fixture('refs-allof-3.0.yaml'));
    expect(spec.serverUrl).toBe('https://api.example.com/shop');
    const list = operation(spec, 'listOrders');
    expect(shape(list)).toEqual({ limit: ['query', 'INTEGER', false], status: ['query', 'ARRAY', false], 'X-Request-Id': ['header', 'STRING', false] });
    // limit → PageSize → BoundedInt → PositiveInt
    expect(list.parameters[0]).toMatchObject({ default: 20, schema: { type: 'integer', minimum: 1, maximum: 100 } });
    expect(list.parameters[1]).toMatchObject({ style: 'form', explode: false, schema: { items: { enum: ['open', 'paid', 'shipped'] } } });
    expect(list.parameters[2]!.schema).toEqual({ type: 'string', format: 'uuid' });
    expect(JSON.stringify(spec)).not.toContain('"$ref":');
  });

  it('merges allOf into one object (properties and required unioned; read-only properties not sent)', async () => {
    const spec = await parse(fixture('refs-allof-3.0.yaml'));
    const create = operation(spec, 'createOrder');
    expect(create.body).toEqual({ encoding: 'json', contentType: 'application/json', required: true, whole: false });
    expect(shape(create)).toEqual({
      orderId: ['body', 'STRING', true],
      status: ['body', 'SELECT', false],
      items: ['body', 'ARRAY', true],
      note: ['body', 'STRING', false],
    });
    expect(create.parameters.find((p) => p.name === 'items')?.schema).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['sku', 'quantity'], properties: { quantity: { type: 'integer', maximum: 100 } } },
    });
    expect(JSON.stringify(create)).not.toContain('allOf');
  });

  it('keeps oneOf/anyOf in the schema, typed from the first branch', async () => {
    const spec = await parse(fixture('refs-allof-3.0.yaml'));
    const pay = operation(spec, 'payOrder');
    const method = pay.parameters.find((p) => p.name === 'method')!;
    expect(method.type).toBe('OBJECT');
    expect(method.schema?.oneOf).toHaveLength(2);
    const amount = pay.parameters.find((p) => p.name === 'amount')!;
    expect(amount.type).toBe('NUMBER');
    expect(amount.schema?.anyOf).toHaveLength(2);
  });

  it('prefixes a body property that collides with a path parameter (the path-level one, merged)', async () => {
    const spec = await parse(fixture('refs-allof-3.0.yaml'));
    const replace = operation(spec, 'replaceOrder');
    expect(replace.parameters.filter((p) => p.wireName === 'orderId').map((p) => [p.name, p.in])).toEqual([
      ['orderId', 'path'],
      ['body_orderId', 'body'],
    ]);
    expect(spec.warnings).toContain('PUT /orders/{orderId}: body property "orderId" is named "body_orderId" (a parameter has its name)');
    expect(spec.authHint).toEqual({ type: 'BEARER' });
  });

  it('merges allOf given inline with an own type and several branches', async () => {
    const spec = await parse(
      minimal({
        '/x': {
          post: {
            ...ok,
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    description: 'own',
                    allOf: [
                      { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
                      { allOf: [{ required: ['b'], properties: { b: { type: 'integer' }, a: { maxLength: 3 } } }] },
                    ],
                  },
                },
              },
            },
          },
        },
      }),
    );
    const op = spec.operations[0]!;
    expect(shape(op)).toEqual({ a: ['body', 'STRING', true], b: ['body', 'INTEGER', true] });
    expect(op.parameters[0]!.schema).toEqual({ type: 'string', maxLength: 3 });
  });
});

describe('parseOpenApi: forms and multipart', () => {
  it('chooses JSON, then form, then multipart; reads files, cookies and query styles', async () => {
    const spec = await parse(fixture('forms-multipart-3.0.yaml'));
    expect(spec.serverUrl).toBe('/api/v1');

    const login = operation(spec, 'login');
    expect(login.body).toEqual({ encoding: 'form', contentType: 'application/x-www-form-urlencoded', required: true, whole: false });
    expect(shape(login)).toEqual({
      username: ['body', 'STRING', true],
      password: ['body', 'STRING', true],
      remember: ['body', 'BOOLEAN', false],
      scopes: ['body', 'ARRAY', false],
    });
    expect(login.parameters.find((p) => p.name === 'remember')?.default).toBe(false);

    const upload = operation(spec, 'uploadDocument');
    expect(upload.body).toEqual({ encoding: 'multipart', contentType: 'multipart/form-data', required: true, whole: false });
    expect(shape(upload)).toEqual({
      session: ['cookie', 'STRING', true],
      file: ['body', 'FILE', true],
      attachments: ['body', 'ARRAY', false],
      title: ['body', 'STRING', false],
      meta: ['body', 'OBJECT', false],
    });

    const search = operation(spec, 'searchDocuments');
    expect(search.parameters.map((p) => [p.name, p.type, p.style, p.explode])).toEqual([
      ['filter', 'OBJECT', 'deepObject', true],
      ['fields', 'ARRAY', 'pipeDelimited', false],
      ['sort', 'SELECT', 'form', true],
    ]);
    expect(search.parameters[2]).toMatchObject({ options: ['title', '-title', 'created', '-created'], default: 'created' });

    const note = operation(spec, 'createNote');
    expect(note.body).toEqual({ encoding: 'json', contentType: 'application/json; charset=utf-8', required: false, whole: false });

    const tags = operation(spec, 'replaceTags');
    expect(tags.body).toEqual({ encoding: 'json', contentType: 'application/json', required: true, whole: true });
    expect(shape(tags)).toEqual({ body: ['body', 'ARRAY', true] });
  });

  it('imports an operation whose only bodies are unsupported without its body, with a warning', async () => {
    const spec = await parse(fixture('forms-multipart-3.0.yaml'));
    const replace = operation(spec, 'replaceContent');
    expect(replace.body).toBeUndefined();
    expect(shape(replace)).toEqual({ documentId: ['path', 'STRING', true] });
    expect(spec.warnings).toContain(
      'PUT /documents/{documentId}/content: request bodies of type application/octet-stream, text/plain are not supported; the operation is imported without its body',
    );
    expect(spec.warnings).toContain('PUT /documents/{documentId}/content (replaceContent) is deprecated');
  });
});

describe('parseOpenApi: documents without operationIds', () => {
  it('names operations from method and path, stably, de-duplicating with _2', async () => {
    const spec = await parse(fixture('no-operation-ids-3.0.yaml'));
    const names = spec.operations.map((op) => `${op.method} ${op.path} ${op.name}`);
    expect(names).toEqual([
      'GET /books get_books',
      'POST /books post_books',
      'GET /books/{bookId} get_books_bookId',
      'DELETE /books/{bookId} delete_books_bookId',
      'GET /books/{bookId}/authors/{authorId} get_books_bookId_authors_authorId',
      'GET /books/archive get_books_archive',
      'GET /books_archive get_books_archive_2',
      'GET / get_root',
    ]);
    expect(spec.warnings).toContain('GET /books_archive: the name "get_books_archive" is already taken; the tool is named "get_books_archive_2"');
    const again = await parse(fixture('no-operation-ids-3.0.yaml'));
    expect(again.operations.map((op) => op.name)).toEqual(spec.operations.map((op) => op.name));
    for (const op of spec.operations) expect(op.name).toMatch(/^[A-Za-z0-9_.-]{1,128}$/);
  });

  it('merges path-level parameters, the operation-level one winning by name and location', async () => {
    const spec = await parse(fixture('no-operation-ids-3.0.yaml'));
    const get = operation(spec, 'get_books_bookId');
    expect(shape(get)).toEqual({ bookId: ['path', 'STRING', true], 'X-Tenant': ['header', 'STRING', false], lang: ['query', 'SELECT', true] });
    expect(get.parameters.find((p) => p.name === 'lang')).toMatchObject({ description: 'Operation-level language wins', options: ['en', 'fr', 'de'] });
    const remove = operation(spec, 'delete_books_bookId');
    expect(remove.parameters.find((p) => p.name === 'lang')).toMatchObject({ type: 'STRING', required: false, description: 'Path-level language' });
    expect(remove.description).toBe('Remove a book');
    expect(operation(spec, 'get_books_bookId_authors_authorId').description).toBe('GET /books/{bookId}/authors/{authorId}');
    expect(shape(operation(spec, 'get_books_bookId_authors_authorId'))).toEqual({ bookId: ['path', 'STRING', true], authorId: ['path', 'INTEGER', true] });
  });

  it('adds an undeclared path parameter as a required string, with a warning', async () => {
    const spec = await parse(minimal({ '/items/{itemId}': { get: ok } }));
    expect(shape(spec.operations[0]!)).toEqual({ itemId: ['path', 'STRING', true] });
    expect(spec.warnings.some((w) => w.includes('"itemId" is not declared'))).toBe(true);
  });

  it('gives parameters sharing a name in different locations distinct tool names', async () => {
    const spec = await parse(
      minimal({
        '/a/{id}': {
          get: {
            ...ok,
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'id', in: 'query', schema: { type: 'integer' } },
            ],
          },
        },
      }),
    );
    expect(spec.operations[0]!.parameters.map((p) => [p.name, p.in, p.wireName])).toEqual([
      ['id', 'path', 'id'],
      ['query_id', 'query', 'id'],
    ]);
  });
});

describe('parseOpenApi: refused documents', () => {
  it('invalid YAML → BAD_USER_INPUT with the line and column', async () => {
    const error = await failure(parse(fixture('invalid-yaml.yaml')));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.location).toMatchObject({ line: 9, column: 16 });
    expect(error.message).not.toContain('    at ');
  });

  it('invalid JSON → BAD_USER_INPUT with a line', async () => {
    const error = await failure(parse('{\n  "openapi": "3.0.0",\n  "info": { "title": "x", }\n  "paths": {}\n}'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.location.line).toBeGreaterThanOrEqual(3);
  });

  it('JSON that is not OpenAPI → BAD_USER_INPUT', async () => {
    for (const source of ['{"name": "not an API", "paths": {}}', '[1, 2, 3]', 'just text', '', { hello: 'world' }]) {
      const error = await failure(parse(source));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details.location).toBeDefined();
    }
  });

  it('unsupported versions → BAD_USER_INPUT pointing at the version', async () => {
    const error = await failure(parse('openapi: 3.2.0\ninfo: {title: x, version: "1"}\npaths: {}\n'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.location).toMatchObject({ pointer: '/openapi', line: 1 });
    expect((await failure(parse({ swagger: '1.2', info: {} }))).code).toBe('BAD_USER_INPUT');
  });

  it('schema violations → BAD_USER_INPUT with the JSON pointer and line of the offending value', async () => {
    const text = ['openapi: 3.0.3', 'info:', '  title: x', '  version: "1"', 'paths:', '  /a:', '    get:', '      parameters:', '        - name: q', '          in: querry', '      responses:', '        "200":', '          description: ok', ''].join('\n');
    const error = await failure(parse(text));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.location).toEqual({ pointer: '/paths/~1a/get/parameters/0', line: 9, column: 11 });
    expect(error.details.errors.length).toBeGreaterThanOrEqual(1);

    const missing = await failure(parse(minimal({ '/a': { get: ok } }, { info: { title: 'x' } })));
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.message).toContain("'version'");
    expect(missing.details.location).toEqual({ pointer: '/info' });
  });

  it('external $refs (files or URLs) are refused, never fetched', async () => {
    const file = await failure(
      parse(minimal({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: './other.yaml#/Foo' } } } } } } } })),
    );
    expect(file.code).toBe('BAD_USER_INPUT');
    expect(file.message).toContain('External $ref');
    expect(file.details.location.pointer).toBe('/paths/~1a/get/responses/200/content/application~1json/schema/$ref');

    const url = await failure(parse(minimal({ '/a': { get: { ...ok, parameters: [{ $ref: 'http://169.254.169.254/latest/meta-data#/p' }] } } })));
    expect(url.code).toBe('BAD_USER_INPUT');
    expect(url.details.ref).toBe('http://169.254.169.254/latest/meta-data#/p');

    const yaml = await failure(parse('openapi: 3.0.3\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    $ref: "file:///etc/passwd"\n'));
    expect(yaml.code).toBe('BAD_USER_INPUT');
    expect(yaml.details.location).toMatchObject({ line: 7 });
  });

  it('a $ref to nothing → BAD_USER_INPUT at the $ref', async () => {
    const error = await failure(parse(minimal({ '/a': { get: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } })));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.location.pointer).toBe('/paths/~1a/get/responses/200/$ref');
  });

  it('more operations than allowed → BAD_USER_INPUT naming the count and the limit', async () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 250; i++) {
      paths[`/resource${i}/{id}`] = {
        get: { operationId: `get${i}`, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], ...ok },
        delete: { operationId: `delete${i}`, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], ...ok },
      };
    }
    const document = minimal(paths);
    const started = Date.now();
    const error = await failure(parse(document, 100));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('500');
    expect(error.message).toContain('100');
    expect(error.details).toMatchObject({ operations: 500, limit: 100 });
    expect(Date.now() - started).toBeLessThan(1000);

    const spec = await parse(JSON.stringify(document), 500);
    expect(spec.operations).toHaveLength(500);
  });

  it('YAML alias bombs and self-referencing aliases → BAD_USER_INPUT', async () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const bomb = await failure(parse(`openapi: 3.0.0\n${rows.join('\n')}\n`));
    expect(bomb.code).toBe('BAD_USER_INPUT');
    const cycle = await failure(parse('openapi: 3.0.0\ninfo: &x\n  title: t\n  version: "1"\n  self: *x\npaths: {}\n'));
    expect(cycle.code).toBe('BAD_USER_INPUT');
  });

  it('texts over 5 MB → BAD_USER_INPUT', async () => {
    const error = await failure(parse(`openapi: 3.0.0\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('5 MB');
  });
});

describe('parseOpenApi: circular references (imported, with a warning)', () => {
  it('keeps the recursive part as an untyped value and terminates', async () => {
    const spec = await parse(fixture('circular-ref-3.0.yaml'));
    const node = operation(spec, 'createNode');
    expect(shape(node)).toEqual({ name: ['body', 'STRING', true], parent: ['body', 'OBJECT', false], children: ['body', 'ARRAY', false] });
    expect(node.parameters.find((p) => p.name === 'parent')?.schema).toMatchObject({ type: 'object' });
    expect(node.parameters.find((p) => p.name === 'children')?.schema).toMatchObject({ type: 'array', items: { type: 'object' } });
    const person = operation(spec, 'createPerson');
    expect(person.parameters.find((p) => p.name === 'spouse')?.schema).toMatchObject({
      type: 'object',
      properties: { since: { type: 'string' }, person: { type: 'object' } },
    });
    expect(spec.warnings).toContain('POST /nodes: a recursive schema is kept as an untyped value where it repeats');
    expect(spec.warnings).toContain('POST /people: a recursive schema is kept as an untyped value where it repeats');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  const shared = (depth: number) => {
    const schemas: Record<string, unknown> = { [`Level${depth}`]: { type: 'string' } };
    for (let i = depth - 1; i >= 0; i--) {
      schemas[`Level${i}`] = { type: 'object', properties: { left: { $ref: `#/components/schemas/Level${i + 1}` }, right: { $ref: `#/components/schemas/Level${i + 1}` } } };
    }
    return minimal(
      { '/tree': { post: { ...ok, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Level0' } } } } } } },
      { components: { schemas } },
    );
  };

  it('refuses quickly a document whose shared $refs expand exponentially', async () => {
    const started = Date.now();
    const error = await failure(parse(shared(30)));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('expand');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('bounds the schemas of one operation in size and depth', async () => {
    const wide = await parse(shared(14)); // 2^15 schema nodes, over the per-operation budget
    expect(wide.operations[0]!.parameters.map((p) => p.name)).toEqual(['left', 'right']);
    expect(wide.warnings).toContain('POST /tree: schemas too large to expand are kept as untyped values');
    expect(JSON.stringify(wide).length).toBeLessThan(5_000_000);

    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 25; i++) schema = { type: 'object', properties: { next: schema } };
    const deep = await parse(minimal({ '/deep': { post: { ...ok, requestBody: { content: { 'application/json': { schema } } } } } }));
    expect(deep.warnings).toContain('POST /deep: schemas nested too deeply are kept as untyped values below that depth');
    expect(JSON.stringify(deep)).toContain('nested too deeply, not expanded');
  });
});

describe('parseOpenApi: lenient where the import does not care', () => {
  it('imports operations that declare no responses, with a warning each', async () => {
    const spec = await parse({
      openapi: '3.0.3',
      info: { title: 'Hand-written', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: { '/items': { get: { operationId: 'listItems' }, post: { operationId: 'addItem', responses: { 201: { description: 'created' } } } } },
    });
    expect(spec.operations.map((op) => op.name)).toEqual(['listItems', 'addItem']);
    expect(spec.warnings).toContain('GET /items: no responses declared; imported anyway');
    expect(spec.warnings.some((warning) => warning.startsWith('POST /items'))).toBe(false);
  });
});
