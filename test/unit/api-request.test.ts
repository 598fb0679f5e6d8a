import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApiRequest, parseOpenApi, type ApiAuth, type ApiOperation, type ApiParameter, type ApiSpec } from '../../src/tools/openapi/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/openapi/${name}`, import.meta.url), 'utf8');
const NONE: ApiAuth = { type: 'NONE' };
const SERVER = 'https://api.example.com/v1';

function param(partial: Partial<ApiParameter> & Pick<ApiParameter, 'name' | 'in'>): ApiParameter {
  return { type: 'STRING', required: false, description: '', wireName: partial.name, ...partial };
}

function op(parameters: ApiParameter[], extra: Partial<ApiOperation> = {}): ApiOperation {
  return { name: 'op', description: '', method: 'GET', path: '/items', parameters, ...extra };
}

function operation(spec: ApiSpec, name: string): ApiOperation {
  const found = spec.operations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
}

function failure(run: () => unknown): { code: string; message: string; details?: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

const query = (url: string) => decodeURIComponent(new URL(url).search.slice(1));

describe('buildApiRequest: path', () => {
  const getPet = op([param({ name: 'petId', in: 'path', required: true })], { path: '/pets/{petId}' });

  it('substitutes path parameters and joins the server URL without doubled slashes', () => {
    expect(buildApiRequest(getPet, SERVER, { petId: '42' }, NONE, {}).url).toBe('https://api.example.com/v1/pets/42');
    expect(buildApiRequest(getPet, `${SERVER}/`, { petId: 42 }, NONE, {}).url).toBe('https://api.example.com/v1/pets/42');
    expect(buildApiRequest(op([], { path: '/' }), 'https://api.example.com', {}, NONE, {}).url).toBe('https://api.example.com/');
  });

  it('keeps a query the server URL carries, and refuses a relative server URL', () => {
    expect(buildApiRequest(getPet, 'https://api.example.com/v1?version=2', { petId: 1 }, NONE, {}).url).toBe('https://api.example.com/v1/pets/1?version=2');
    expect(failure(() => buildApiRequest(getPet, '/api/v1', { petId: 1 }, NONE, {})).code).toBe('BAD_USER_INPUT');
  });

  it('encodes values so they cannot change the path structure', () => {
    const traversal = buildApiRequest(getPet, SERVER, { petId: '../admin' }, NONE, {});
    expect(traversal.url).toBe('https://api.example.com/v1/pets/..%2Fadmin');
    expect(new URL(traversal.url).pathname).toBe('/v1/pets/..%2Fadmin');
    const slash = buildApiRequest(getPet, SERVER, { petId: 'a/b' }, NONE, {});
    expect(new URL(slash.url).pathname).toBe('/v1/pets/a%2Fb');
    const tricky = buildApiRequest(getPet, SERVER, { petId: '?x=1#frag %2e%2e' }, NONE, {});
    expect(new URL(tricky.url).pathname).toBe('/v1/pets/%3Fx%3D1%23frag%20%252e%252e');
    expect(new URL(tricky.url).search).toBe('');
  });

  it('refuses "." and ".." as a whole segment (URL parsers would climb)', () => {
    for (const value of ['..', '.']) {
      const error = failure(() => buildApiRequest(getPet, SERVER, { petId: value }, NONE, {}));
      expect(error.code).toBe('BAD_USER_INPUT');
    }
  });

  it('throws BAD_USER_INPUT when a required path parameter is missing or empty', () => {
    const missing = failure(() => buildApiRequest(getPet, SERVER, {}, NONE, {}));
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.details).toMatchObject({ parameter: 'petId' });
    expect(failure(() => buildApiRequest(getPet, SERVER, { petId: null }, NONE, {})).code).toBe('BAD_USER_INPUT');
    expect(failure(() => buildApiRequest(getPet, SERVER, { petId: '' }, NONE, {})).code).toBe('BAD_USER_INPUT');
  });

  it('serialises label and matrix styles, arrays and objects', () => {
    const styled = op(
      [
        param({ name: 'a', in: 'path', style: 'label', explode: false }),
        param({ name: 'b', in: 'path', style: 'matrix', explode: true }),
        param({ name: 'c', in: 'path' }),
      ],
      { path: '/x/{a}/{b}/{c}' },
    );
    const { url } = buildApiRequest(styled, SERVER, { a: ['p', 'q'], b: ['r', 's'], c: { k: 'v/w', n: 1 } }, NONE, {});
    expect(url).toBe('https://api.example.com/v1/x/.p,q/;b=r;b=s/k,v%2Fw,n,1');
  });

  it('uses the wire name when the tool parameter was renamed', () => {
    const renamed = op([param({ name: 'path_id', wireName: 'id', in: 'path', required: true })], { path: '/things/{id}' });
    expect(buildApiRequest(renamed, SERVER, { path_id: 7 }, NONE, {}).url).toBe('https://api.example.com/v1/things/7');
  });
});

describe('buildApiRequest: query', () => {
  it('repeats exploded arrays (form), comma-joins non-exploded ones, omits missing values', () => {
    const list = op([
      param({ name: 'tags', in: 'query', type: 'ARRAY', style: 'form', explode: true }),
      param({ name: 'ids', in: 'query', type: 'ARRAY', style: 'form', explode: false }),
      param({ name: 'limit', in: 'query', type: 'INTEGER' }),
      param({ name: 'absent', in: 'query' }),
      param({ name: 'nothing', in: 'query' }),
    ]);
    const { url } = buildApiRequest(list, SERVER, { tags: ['a b', 'c&d'], ids: [1, 2, 3], limit: 10, nothing: null }, NONE, {});
    expect(url).toBe('https://api.example.com/v1/items?tags=a%20b&tags=c%26d&ids=1,2,3&limit=10');
    expect(new URL(url).searchParams.getAll('tags')).toEqual(['a b', 'c&d']);
    expect(buildApiRequest(list, SERVER, {}, NONE, {}).url).toBe('https://api.example.com/v1/items');
  });

  it('serialises deepObject, exploded form objects, pipe/space-delimited and JSON-content parameters', () => {
    const styles = op([
      param({ name: 'filter', in: 'query', type: 'OBJECT', style: 'deepObject', explode: true }),
      param({ name: 'point', in: 'query', type: 'OBJECT', style: 'form', explode: true }),
      param({ name: 'color', in: 'query', type: 'OBJECT', style: 'form', explode: false }),
      param({ name: 'fields', in: 'query', type: 'ARRAY', style: 'pipeDelimited', explode: false }),
      param({ name: 'words', in: 'query', type: 'ARRAY', style: 'spaceDelimited', explode: false }),
      param({ name: 'q', in: 'query', type: 'OBJECT', style: 'json' }),
    ]);
    const { url } = buildApiRequest(
      styles,
      SERVER,
      { filter: { author: 'Ann', year: 2020, nested: { x: 1 } }, point: { x: 1, y: 2 }, color: { R: 100, G: 200 }, fields: ['a', 'b'], words: ['x', 'y'], q: { a: [1] } },
      NONE,
      {},
    );
    const search = new URL(url).search.slice(1).split('&');
    expect(search).toEqual([
      'filter[author]=Ann',
      'filter[year]=2020',
      'filter[nested][x]=1',
      'x=1',
      'y=2',
      'color=R,100,G,200',
      'fields=a|b',
      'words=x%20y',
      `q=${encodeURIComponent('{"a":[1]}')}`,
    ]);
  });

  it('serialises the fixtures\' styles as declared (Swagger multi, OpenAPI pipeDelimited and deepObject)', async () => {
    const petstore = await parseOpenApi(fixture('petstore-swagger2.json'), { maxOperations: 100 });
    const byStatus = buildApiRequest(operation(petstore, 'findPetsByStatus'), petstore.serverUrl!, { status: ['available', 'sold'] }, NONE, {});
    expect(byStatus.url).toBe('https://petstore.swagger.io/v2/pet/findByStatus?status=available&status=sold');
    expect(byStatus.method).toBe('GET');
    expect(byStatus.body).toBeUndefined();

    const forms = await parseOpenApi(fixture('forms-multipart-3.0.yaml'), { maxOperations: 100 });
    const search = buildApiRequest(operation(forms, 'searchDocuments'), 'https://docs.example.com/api/v1', { filter: { author: 'Ann' }, fields: ['title', 'year'], sort: '-created' }, NONE, {});
    expect(query(search.url)).toBe('filter[author]=Ann&fields=title|year&sort=-created');
    expect(new URL(search.url).pathname).toBe('/api/v1/documents');
  });
});

describe('buildApiRequest: headers and cookies', () => {
  it('sends header parameters and one Cookie header with encoded values', () => {
    const withHeaders = op([
      param({ name: 'X-Request-Id', in: 'header' }),
      param({ name: 'X-List', in: 'header', type: 'ARRAY' }),
      param({ name: 'session', in: 'cookie' }),
      param({ name: 'prefs', in: 'cookie', type: 'ARRAY' }),
    ]);
    const request = buildApiRequest(withHeaders, SERVER, { 'X-Request-Id': 'abc', 'X-List': ['a', 'b'], session: 'a;b c', prefs: ['x', 'y'] }, NONE, {});
    expect(request.headers).toEqual({ 'x-request-id': 'abc', 'x-list': 'a,b', cookie: 'session=a%3Bb%20c; prefs=x,y' });
  });

  it('refuses header values with line breaks', () => {
    const withHeader = op([param({ name: 'X-Note', in: 'header' })]);
    const error = failure(() => buildApiRequest(withHeader, SERVER, { 'X-Note': 'ok\r\nInjected: yes' }, NONE, {}));
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});

describe('buildApiRequest: bodies', () => {
  it('sends body properties as a JSON object under their wire names', async () => {
    const petstore = await parseOpenApi(fixture('petstore-swagger2.json'), { maxOperations: 100 });
    const update = buildApiRequest(operation(petstore, 'updateUser'), petstore.serverUrl!, { username: 'old name', body_username: 'new', email: 'a@b.c' }, NONE, {});
    expect(update.method).toBe('PUT');
    expect(update.url).toBe('https://petstore.swagger.io/v2/user/old%20name');
    expect(update.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(update.body as string)).toEqual({ username: 'new', email: 'a@b.c' });
  });

  it('sends a whole (non-object) body as is', async () => {
    const petstore = await parseOpenApi(fixture('petstore-swagger2.json'), { maxOperations: 100 });
    const many = buildApiRequest(operation(petstore, 'createUsersWithArrayInput'), petstore.serverUrl!, { body: [{ username: 'a' }, { username: 'b' }] }, NONE, {});
    expect(many.body).toBe('[{"username":"a"},{"username":"b"}]');
    expect(many.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('omits an optional body when no property is given, and sends {} for a required one', () => {
    const optional = op([param({ name: 'text', in: 'body' })], { method: 'POST', body: { encoding: 'json', contentType: 'application/json', required: false, whole: false } });
    const none = buildApiRequest(optional, SERVER, {}, NONE, {});
    expect(none.body).toBeUndefined();
    expect(none.headers).toEqual({});
    const required = buildApiRequest({ ...optional, body: { ...optional.body!, required: true } }, SERVER, {}, NONE, {});
    expect(required.body).toBe('{}');
  });

  it('encodes form bodies with URLSearchParams (lists repeated, objects as JSON)', async () => {
    const forms = await parseOpenApi(fixture('forms-multipart-3.0.yaml'), { maxOperations: 100 });
    const login = buildApiRequest(operation(forms, 'login'), 'https://docs.example.com/api/v1', { username: 'ann', password: 'p&ss=1', remember: true, scopes: ['read', 'write'] }, NONE, {});
    expect(login.method).toBe('POST');
    expect(login.body).toBeInstanceOf(URLSearchParams);
    expect(String(login.body)).toBe('username=ann&password=p%26ss%3D1&remember=true&scopes=read&scopes=write');
    expect(login.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('encodes multipart bodies with FormData: files from base64, objects as JSON, no content-type header', async () => {
    const forms = await parseOpenApi(fixture('forms-multipart-3.0.yaml'), { maxOperations: 100 });
    const upload = buildApiRequest(
      operation(forms, 'uploadDocument'),
      'https://docs.example.com/api/v1',
      {
        session: 's1',
        file: { name: 'report.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7').toString('base64') },
        attachments: [
          { name: 'a.txt', mimeType: 'text/plain', base64: Buffer.from('A').toString('base64') },
          { name: 'b.txt', base64: Buffer.from('B').toString('base64') },
        ],
        title: 'Q3',
        meta: { author: 'Ann', tags: ['x'] },
      },
      NONE,
      {},
    );
    expect(upload.headers).toEqual({ cookie: 'session=s1' });
    const form = upload.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const file = form.get('file') as File;
    expect(file.name).toBe('report.pdf');
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('%PDF-1.7');
    const attachments = form.getAll('attachments') as File[];
    expect(attachments.map((item) => item.name)).toEqual(['a.txt', 'b.txt']);
    expect(await attachments[1]!.text()).toBe('B');
    expect(attachments[1]!.type).toBe('application/octet-stream');
    expect(form.get('title')).toBe('Q3');
    expect(JSON.parse(form.get('meta') as string)).toEqual({ author: 'Ann', tags: ['x'] });
    // The request can be serialised as multipart (what fetch will do).
    const encoded = await new Response(form).text();
    expect(encoded).toContain('filename="report.pdf"');
  });

  it('sends Swagger formData uploads as multipart and form posts as urlencoded', async () => {
    const petstore = await parseOpenApi(fixture('petstore-swagger2.json'), { maxOperations: 100 });
    const upload = buildApiRequest(operation(petstore, 'uploadFile'), petstore.serverUrl!, { petId: 5, additionalMetadata: 'front', file: 'plain text content' }, NONE, {});
    expect(upload.url).toBe('https://petstore.swagger.io/v2/pet/5/uploadImage');
    const form = upload.body as FormData;
    expect(await (form.get('file') as File).text()).toBe('plain text content');
    expect(form.get('additionalMetadata')).toBe('front');
    const update = buildApiRequest(operation(petstore, 'updatePetWithForm'), petstore.serverUrl!, { petId: 5, name: 'Rex' }, NONE, {});
    expect(String(update.body)).toBe('name=Rex');
  });
});

describe('buildApiRequest: auth', () => {
  const plain = op([param({ name: 'q', in: 'query' })]);

  it('API_KEY_HEADER with each prefix', () => {
    const headerWith = (prefix: 'NONE' | 'BEARER' | 'BASIC' | 'CUSTOM', customPrefix?: string) =>
      buildApiRequest(plain, SERVER, {}, { type: 'API_KEY_HEADER', headerName: 'X-Api-Key', prefix, ...(customPrefix ? { customPrefix } : {}) }, { apiKey: 'k1' }).headers;
    expect(headerWith('NONE')).toEqual({ 'x-api-key': 'k1' });
    expect(headerWith('BEARER')).toEqual({ 'x-api-key': 'Bearer k1' });
    expect(headerWith('BASIC')).toEqual({ 'x-api-key': 'Basic k1' });
    // CUSTOM is the prefix followed directly by the key: include a trailing space when one is wanted.
    expect(headerWith('CUSTOM', 'Token ')).toEqual({ 'x-api-key': 'Token k1' });
    expect(headerWith('CUSTOM', 'sk-')).toEqual({ 'x-api-key': 'sk-k1' });
  });

  it('API_KEY_QUERY adds (and wins over) the query parameter', () => {
    const auth: ApiAuth = { type: 'API_KEY_QUERY', queryParam: 'api_key' };
    expect(buildApiRequest(plain, SERVER, { q: 'x' }, auth, { apiKey: 'k&1' }).url).toBe('https://api.example.com/v1/items?q=x&api_key=k%261');
    const clash = op([param({ name: 'api_key', in: 'query' })]);
    expect(buildApiRequest(clash, SERVER, { api_key: 'user' }, auth, { apiKey: 'secret' }).url).toBe('https://api.example.com/v1/items?api_key=secret');
  });

  it('BASIC and BEARER set Authorization', () => {
    expect(buildApiRequest(plain, SERVER, {}, { type: 'BASIC' }, { username: 'ann', password: 'pä:ss' }).headers).toEqual({
      authorization: `Basic ${Buffer.from('ann:pä:ss').toString('base64')}`,
    });
    expect(buildApiRequest(plain, SERVER, {}, { type: 'BEARER' }, { token: 't0k' }).headers).toEqual({ authorization: 'Bearer t0k' });
    expect(buildApiRequest(plain, SERVER, {}, NONE, { token: 'ignored' }).headers).toEqual({});
  });

  it('auth overrides a document header of the same name', () => {
    const withHeader = op([param({ name: 'X-Api-Key', in: 'header' })]);
    const request = buildApiRequest(withHeader, SERVER, { 'X-Api-Key': 'from-user' }, { type: 'API_KEY_HEADER', headerName: 'X-Api-Key', prefix: 'NONE' }, { apiKey: 'secret' });
    expect(request.headers).toEqual({ 'x-api-key': 'secret' });
  });

  it('refuses credentials with CR/LF and missing credentials (BAD_USER_INPUT)', () => {
    const cases: [ApiAuth, Record<string, string>][] = [
      [{ type: 'API_KEY_HEADER', headerName: 'X-Api-Key', prefix: 'NONE' }, { apiKey: 'a\r\nX-Evil: 1' }],
      [{ type: 'API_KEY_QUERY', queryParam: 'key' }, { apiKey: 'a\nb' }],
      [{ type: 'BASIC' }, { username: 'a', password: 'b\rc' }],
      [{ type: 'BEARER' }, { token: 'x\ny' }],
      [{ type: 'API_KEY_HEADER', headerName: 'X-Api-Key', prefix: 'CUSTOM', customPrefix: 'a\r\n' }, { apiKey: 'k' }],
      [{ type: 'BEARER' }, {}],
      [{ type: 'BASIC' }, { username: 'a' }],
    ];
    for (const [auth, credentials] of cases) {
      expect(failure(() => buildApiRequest(plain, SERVER, {}, auth, credentials)).code).toBe('BAD_USER_INPUT');
    }
  });
});
