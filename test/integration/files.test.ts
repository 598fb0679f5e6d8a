import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRecord } from '../../src/files/file.entity.js';
import type { FileListQuery } from '../__generated__/graphql.js';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser, workspaceWithRoles } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startToolBackend, type ToolBackend } from '../support/tool-backend.js';
import { createApiProvider, InvokeTool } from '../support/tool-factories.js';
import { PNG, PREFLIGHT, postMultipart, sha256, until, wait, type Part, type Reply } from '../support/uploads.js';

/*
 * Files over real HTTP: uploads with the GraphQL multipart request spec
 * (https://github.com/jaydenseric/graphql-multipart-request-spec), signed downloads, direct
 * uploads to a signed URL, and files in tools. Local storage (the default): objects are
 * files under `<dataDir>/files`, which the tests count to prove nothing is left behind.
 *
 * The spec's third example, batching, is not covered: Apollo Server's HTTP batching is off.
 */

const FileQuery = graphql(`
  query FileById($id: ID!) {
    file(id: $id) {
      id
      name
      size
      mimeType
      sha256
      purpose
      url
      urlExpiresAt
      creator {
        id
      }
    }
  }
`);

const FilesQuery = graphql(`
  query FileList($first: Int, $after: String, $filter: FileFilter) {
    files(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          mimeType
          purpose
        }
      }
    }
  }
`);

const CreateUploadUrl = graphql(`
  mutation CreateUploadUrl($input: CreateUploadUrlInput!) {
    createUploadUrl(input: $input) {
      fileId
      url
      method
      headers
      expiresAt
    }
  }
`);

const CompleteUpload = graphql(`
  mutation CompleteUpload($input: CompleteUploadInput!) {
    completeUpload(input: $input) {
      file {
        id
        name
        size
        mimeType
        sha256
        purpose
        url
      }
    }
  }
`);

const DeleteFile = graphql(`
  mutation DeleteFile($input: DeleteFileInput!) {
    deleteFile(input: $input) {
      deletedFileId
    }
  }
`);

const InvokeSavingOutputs = graphql(`
  mutation InvokeToolSavingOutputs($input: InvokeToolInput!) {
    invokeTool(input: $input) {
      invocation {
        status
      }
      messages {
        __typename
        ... on FileMessage {
          name
          mimeType
          url
          fileId
          size
        }
      }
    }
  }
`);

/** A valid 1×1 PNG. */
const FILE_FIELDS = 'id name size mimeType sha256 purpose url urlExpiresAt createdAt creator { id }';
const UPLOAD_FILE = `mutation UploadOne($file: Upload!, $purpose: FilePurpose) { uploadFile(file: $file, purpose: $purpose) { file { ${FILE_FIELDS} } } }`;
const UPLOAD_FILES = `mutation UploadMany($files: [Upload!]!, $purpose: FilePurpose) { uploadFiles(files: $files, purpose: $purpose) { files { ${FILE_FIELDS} } } }`;

/** An OpenAPI operation with a multipart body whose `doc` property is a file (a FILE parameter). */
const FILE_API = `
openapi: 3.0.3
info: { title: Files API, version: 1.0.0 }
servers: [{ url: http://placeholder.invalid }]
paths:
  /echo/files:
    post:
      operationId: sendDocument
      responses: { '200': { description: ok } }
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              required: [doc]
              properties:
                title: { type: string }
                doc: { type: string, format: binary }
`;

interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
  purpose: string;
  url: string;
  urlExpiresAt: string;
  createdAt: string;
  creator: { id: string } | null;
}
const text = (size: number, seed = 'abcdefghijklmnopqrstuvwxyz0123456789') => Array.from({ length: size }, (_, i) => seed[i % seed.length]).join('');

/** A test server that may call tools on 127.0.0.1. */
function startFileServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ env: { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1', ...env } });
}

function uploadFile(server: TestServer, token: string, part: Part, purpose?: string, headers?: Record<string, string>) {
  return postMultipart<{ uploadFile: { file: UploadedFile } }>(server.url, token, { query: UPLOAD_FILE, variables: { file: null, purpose } }, { 0: ['variables.file'] }, { 0: part }, headers);
}

function uploadFiles(server: TestServer, token: string, parts: Part[], purpose?: string) {
  return postMultipart<{ uploadFiles: { files: UploadedFile[] } }>(
    server.url,
    token,
    { query: UPLOAD_FILES, variables: { files: parts.map(() => null), purpose } },
    Object.fromEntries(parts.map((_, i) => [String(i), [`variables.files.${i}`]])),
    Object.fromEntries(parts.map((part, i) => [String(i), part])),
  );
}

/** Uploads one file and fails the test unless it worked. */
async function uploaded(server: TestServer, token: string, part: Part, purpose?: string): Promise<UploadedFile> {
  const reply = await uploadFile(server, token, part, purpose);
  if (reply.body.errors || !reply.body.data) throw new Error(`upload failed: ${JSON.stringify(reply.body.errors)}`);
  return reply.body.data.uploadFile.file;
}

/** A raw multipart body, for requests FormData cannot (or must not) build. */
function multipartBody(boundary: string, parts: { name: string; filename?: string; type?: string; data: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

async function postRaw(server: TestServer, token: string, boundary: string, body: Buffer, headers: Record<string, string> = PREFLIGHT) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    body: new Uint8Array(body),
  });
  const raw = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', raw, body: JSON.parse(raw) as Reply<unknown>['body'] };
}

/** Every regular file under the storage root (objects, and any temp file an upload left). */
async function objectsOnDisk(server: TestServer): Promise<string[]> {
  const root = path.join(server.database.dataDir, 'files');
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** File rows in any state (PENDING and DELETING ones never show through GraphQL). */
function recordsInDatabase(server: TestServer): Promise<number> {
  return server.plugboard.deps.orm.em.fork().count(FileRecord, {});
}

async function listedCount(server: TestServer, token: string): Promise<number> {
  return (await execute(server.url, FilesQuery, { first: 0 }, { token })).files.totalCount;
}

/** What a refused request must leave: the same rows, the same objects. */
async function snapshot(server: TestServer) {
  return { records: await recordsInDatabase(server), objects: (await objectsOnDisk(server)).length };
}

describe('files', () => {
  let server: TestServer;
  let backend: ToolBackend;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let token: string;

  beforeAll(async () => {
    backend = await startToolBackend();
    server = await startFileServer();
    team = await workspaceWithRoles(server.url, 'Files');
    token = team.members.OWNER.token;
  });
  afterAll(async () => {
    await server?.stop();
    await backend?.close();
  });

  describe('uploads (GraphQL multipart request spec)', () => {
    it('stores one file with its base name, size, sha256 and a MIME type sniffed from the content', async () => {
      // A PNG sent as `x.txt` with the client's Content-Type text/plain is still a PNG.
      const { status, body } = await uploadFile(server, token, { name: 'x.txt', bytes: PNG, type: 'text/plain' });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const file = body.data!.uploadFile.file;
      expect(file).toMatchObject({ name: 'x.txt', size: PNG.length, mimeType: 'image/png', sha256: sha256(PNG), purpose: 'GENERAL', creator: { id: team.members.OWNER.user.id } });
      expect(new URL(file.url).pathname).toBe(`/files/${file.id}`);
      const expiresIn = Date.parse(file.urlExpiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(14 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(15 * 60_000 + 1000);
      expect(Math.abs(Date.parse(file.createdAt) - Date.now())).toBeLessThan(60_000);

      const read = await execute(server.url, FileQuery, { id: file.id }, { token });
      expect(read.file).toMatchObject({ id: file.id, name: 'x.txt', size: PNG.length, mimeType: 'image/png', sha256: sha256(PNG) });
      // Plain text with a CSV extension is CSV; unknown binary is octet-stream.
      expect((await uploaded(server, token, { name: 'table.csv', bytes: 'a,b\n1,2\n', type: 'image/png' })).mimeType).toBe('text/csv');
      expect((await uploaded(server, token, { name: 'blob.png', bytes: new Uint8Array([0, 1, 2, 0xff, 0xfe, 0]) })).mimeType).toBe('application/octet-stream');
    });

    it('keeps only the base name of a client path, and refuses an empty one', async () => {
      expect((await uploaded(server, token, { name: '../../etc/report.txt', bytes: 'r' })).name).toBe('report.txt');
      const { body } = await uploadFile(server, token, { name: '', bytes: 'no name' });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('stores an empty file and serves it with Content-Length 0', async () => {
      const file = await uploaded(server, token, { name: 'empty.bin', bytes: '' });
      expect(file).toMatchObject({ size: 0, sha256: sha256('') });
      const response = await fetch(file.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe('0');
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it('downloads the exact bytes through file.url with Content-Type, Content-Length, Content-Disposition and ETag; 304 on If-None-Match', async () => {
      const file = await uploaded(server, token, { name: 'pixel «1».png', bytes: PNG, type: 'application/x-whatever' });
      const response = await fetch(file.url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-length')).toBe(String(PNG.length));
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="pixel _1_.png"; filename*=UTF-8''${encodeURIComponent('pixel «1».png')}`);
      expect(response.headers.get('etag')).toBe(`"${sha256(PNG)}"`);
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');

      const cached = await fetch(file.url, { headers: { 'if-none-match': `"${sha256(PNG)}"` } });
      expect(cached.status).toBe(304);
      expect((await cached.arrayBuffer()).byteLength).toBe(0);
      const stale = await fetch(file.url, { headers: { 'if-none-match': '"something-else"' } });
      expect(stale.status).toBe(200);
      await stale.arrayBuffer();

      const head = await fetch(file.url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(PNG.length));
    });

    it('stores several files with uploadFiles (the spec’s file list example), in order', async () => {
      const parts: Part[] = [
        { name: 'one.txt', bytes: 'first file', type: 'text/plain' },
        { name: 'two.png', bytes: PNG, type: 'image/png' },
        { name: 'three.json', bytes: '{"three":3}', type: 'application/json' },
      ];
      const { body } = await uploadFiles(server, token, parts);
      expect(body.errors).toBeUndefined();
      const files = body.data!.uploadFiles.files;
      expect(files.map((file) => [file.name, file.mimeType, file.size, file.sha256])).toEqual([
        ['one.txt', 'text/plain', 10, sha256('first file')],
        ['two.png', 'image/png', PNG.length, sha256(PNG)],
        ['three.json', 'application/json', 11, sha256('{"three":3}')],
      ]);
      for (const [i, file] of files.entries()) {
        const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
        expect(bytes.equals(Buffer.from(parts[i]!.bytes))).toBe(true);
      }
    });

    it('accepts one file mapped to two list positions (the spec allows reusing a file)', async () => {
      const { body } = await postMultipart<{ uploadFiles: { files: UploadedFile[] } }>(
        server.url,
        token,
        { query: UPLOAD_FILES, variables: { files: [null, null] } },
        { 0: ['variables.files.0', 'variables.files.1'] },
        { 0: { name: 'twice.txt', bytes: 'same bytes twice' } },
      );
      expect(body.errors).toBeUndefined();
      const [first, second] = body.data!.uploadFiles.files;
      expect(first!.id).not.toBe(second!.id);
      expect([first!.sha256, second!.sha256]).toEqual([sha256('same bytes twice'), sha256('same bytes twice')]);
    });

    it('answers an empty file list, or a file sent as plain JSON, with BAD_USER_INPUT', async () => {
      const empty = await postMultipart<unknown>(server.url, token, { query: UPLOAD_FILES, variables: { files: [] } }, {}, {});
      expect(empty.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const json = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: UPLOAD_FILE, variables: { file: 'not a file' } }),
      });
      expect(json.status).toBe(400);
      expect(((await json.json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('takes the spec’s single-file example as written on the wire', async () => {
      const boundary = '------------------------cec8e8123c05ba25';
      const body = Buffer.from(
        [
          `--${boundary}`,
          'Content-Disposition: form-data; name="operations"',
          '',
          '{ "query": "mutation ($file: Upload!) { uploadFile(file: $file) { file { name size sha256 mimeType } } }", "variables": { "file": null } }',
          `--${boundary}`,
          'Content-Disposition: form-data; name="map"',
          '',
          '{ "0": ["variables.file"] }',
          `--${boundary}`,
          'Content-Disposition: form-data; name="0"; filename="a.txt"',
          'Content-Type: text/plain',
          '',
          'Alpha file content.',
          '',
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      );
      const reply = await postRaw(server, token, boundary, body);
      expect(reply.status).toBe(200);
      expect(reply.body.data).toEqual({ uploadFile: { file: { name: 'a.txt', size: 21, sha256: sha256('Alpha file content.\r\n'), mimeType: 'text/plain' } } });
    });
  });

  describe('refused uploads leave no record and no object', () => {
    it('IMAGE refuses text (and SVG, which can carry scripts) with BAD_USER_INPUT', async () => {
      const before = await snapshot(server);
      const listed = await listedCount(server, token);
      for (const part of [
        { name: 'notes.png', bytes: 'just some text', type: 'image/png' },
        { name: 'logo.svg', bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', type: 'image/svg+xml' },
      ]) {
        const { body } = await uploadFile(server, token, part, 'IMAGE');
        expect(body.errors?.[0]?.extensions, part.name).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
      }
      expect((await uploadFile(server, token, { name: 'pixel.png', bytes: PNG }, 'DOCUMENT')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot(server)).toEqual(before);
      expect(await listedCount(server, token)).toBe(listed);
      // The same purposes accept what they allow.
      expect((await uploaded(server, token, { name: 'ok.txt', bytes: PNG }, 'IMAGE')).purpose).toBe('IMAGE');
      expect((await uploaded(server, token, { name: 'ok.md', bytes: '# Title\n' }, 'DOCUMENT')).mimeType).toBe('text/markdown');
    });

    it('uploadFiles that fails on its second file keeps none of them', async () => {
      const before = await snapshot(server);
      const { body } = await uploadFiles(
        server,
        token,
        [
          { name: 'good.png', bytes: PNG },
          { name: 'bad.png', bytes: 'not an image' },
        ],
        'IMAGE',
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The request failed as a whole, and its client got no ID: a stored first file would be an orphan.
      expect(await snapshot(server)).toEqual(before);
    });

    it('refuses a multipart request without the preflight header (CSRF) as JSON, running nothing', async () => {
      const before = await snapshot(server);
      const reply = await uploadFile(server, token, { name: 'csrf.txt', bytes: 'from a form on another site' }, undefined, {});
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(reply.body.errors?.[0]?.message).toMatch(/CSRF/);
      // x-apollo-operation-name works as the preflight header too.
      expect((await uploadFile(server, token, { name: 'ok.txt', bytes: 'ok' }, undefined, { 'x-apollo-operation-name': 'UploadOne' })).body.errors).toBeUndefined();
      expect((await snapshot(server)).records).toBe(before.records + 1);
    });

    it('answers malformed operations and map fields with 400 and a coded JSON error', async () => {
      const boundary = 'malformed-boundary';
      const operations = JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } });
      const file = { name: '0', filename: 'm.txt', type: 'text/plain', data: 'malformed' };
      const cases: Record<string, { name: string; filename?: string; type?: string; data: string }[]> = {
        'operations is not JSON': [{ name: 'operations', data: '{"query": ' }, { name: 'map', data: '{"0":["variables.file"]}' }, file],
        'operations is not an object': [{ name: 'operations', data: '"mutation"' }, { name: 'map', data: '{"0":["variables.file"]}' }, file],
        'map is not JSON': [{ name: 'operations', data: operations }, { name: 'map', data: '{0: variables.file}' }, file],
        'map is an array': [{ name: 'operations', data: operations }, { name: 'map', data: '[["variables.file"]]' }, file],
        'a map entry is not an array': [{ name: 'operations', data: operations }, { name: 'map', data: '{"0":"variables.file"}' }, file],
        'map before operations': [{ name: 'map', data: '{"0":["variables.file"]}' }, { name: 'operations', data: operations }, file],
        'a file before map': [{ name: 'operations', data: operations }, file, { name: 'map', data: '{"0":["variables.file"]}' }],
        'no operations field': [{ name: 'map', data: '{}' }],
        'map points at a variable the operation does not have': [{ name: 'operations', data: operations }, { name: 'map', data: '{"0":["variables.nope"]}' }, file],
      };
      const before = await snapshot(server);
      for (const [label, parts] of Object.entries(cases)) {
        const reply = await postRaw(server, token, boundary, multipartBody(boundary, parts));
        expect(reply.status, label).toBe(400);
        expect(reply.contentType, label).toMatch(/^application\/json/);
        expect(reply.body.errors?.[0]?.extensions?.code, label).toBe('BAD_USER_INPUT');
      }
      expect(await snapshot(server)).toEqual(before);
    });

    it('answers a map entry whose file part never arrives with BAD_USER_INPUT, not an internal error', async () => {
      const boundary = 'missing-file-boundary';
      const before = await snapshot(server);
      const reply = await postRaw(
        server,
        token,
        boundary,
        multipartBody(boundary, [
          { name: 'operations', data: JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } }) },
          { name: 'map', data: '{"0":["variables.file"]}' },
        ]),
      );
      expect(reply.contentType).toMatch(/^application\/json/);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot(server)).toEqual(before);
    });

    it('leaves no record, no object and no temp file after an upload aborted mid-stream, and keeps serving', async () => {
      const before = await snapshot(server);
      const boundary = 'aborted-upload-boundary';
      const head = multipartBody(boundary, [
        { name: 'operations', data: JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } }) },
        { name: 'map', data: '{"0":["variables.file"]}' },
      ]).subarray(0, -Buffer.byteLength(`--${boundary}--\r\n`));
      const fileHeader = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      const { port } = new URL(server.baseUrl);
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + fileHeader.length + 20 * 1024 * 1024),
          ...PREFLIGHT,
        },
      });
      req.on('error', () => undefined); // destroyed on purpose below
      req.write(head);
      req.write(fileHeader);
      req.write(Buffer.alloc(1024 * 1024, 0xab));
      // The resolver has started storing (a PENDING row), with part of the file in flight.
      await until(async () => (await recordsInDatabase(server)) > before.records);
      req.write(Buffer.alloc(512 * 1024, 0xcd));
      await wait(100);
      req.destroy();

      await until(async () => (await recordsInDatabase(server)) === before.records);
      await until(async () => (await objectsOnDisk(server)).length === before.objects);
      expect(await snapshot(server)).toEqual(before);
      expect((await uploaded(server, token, { name: 'after-abort.txt', bytes: 'still serving' })).size).toBe(13);
    });
  });

  describe('listing', () => {
    it('pages through files oldest first with Relay cursors, filtered by purpose, name and MIME type', async () => {
      const user = await signUpUser(server.url, 'Lister');
      await createWorkspace(server.url, user.token, 'Listing');
      const made = [
        await uploaded(server, user.token, { name: 'Quarterly Report.md', bytes: '# Q3\n' }, 'DOCUMENT'),
        await uploaded(server, user.token, { name: 'photo.png', bytes: PNG }, 'IMAGE'),
        await uploaded(server, user.token, { name: 'report-data.csv', bytes: 'a,b\n' }, 'DOCUMENT'),
        await uploaded(server, user.token, { name: '100%_done.txt', bytes: 'done' }),
        await uploaded(server, user.token, { name: 'avatar.png', bytes: PNG }),
      ];
      const names = made.map((file) => file.name);

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: FileListQuery = await execute(server.url, FilesQuery, { first: 2, after }, { token: user.token });
        pages += 1;
        expect(page.files.totalCount).toBe(5);
        expect(page.files.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.files.edges.map((edge) => edge.node.name));
        if (!page.files.pageInfo.hasNextPage) break;
        after = page.files.pageInfo.endCursor!;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(names);

      const list = async (filter: Record<string, string>) =>
        (await execute(server.url, FilesQuery, { first: 20, filter }, { token: user.token })).files.edges.map((edge) => edge.node.name);
      expect(await list({ purpose: 'IMAGE' })).toEqual(['photo.png']);
      expect(await list({ purpose: 'DOCUMENT' })).toEqual(['Quarterly Report.md', 'report-data.csv']);
      expect(await list({ nameContains: 'REPORT' })).toEqual(['Quarterly Report.md', 'report-data.csv']);
      expect(await list({ nameContains: '%' })).toEqual(['100%_done.txt']);
      expect(await list({ nameContains: '_' })).toEqual(['100%_done.txt']);
      expect(await list({ mimeTypePrefix: 'image/' })).toEqual(['photo.png', 'avatar.png']);
      expect(await list({ mimeTypePrefix: 'text/' })).toEqual(['Quarterly Report.md', 'report-data.csv', '100%_done.txt']);
      expect(await list({ mimeTypePrefix: 'text/csv', nameContains: 'data', purpose: 'DOCUMENT' })).toEqual(['report-data.csv']);
      const filtered = await execute(server.url, FilesQuery, { first: 1, filter: { mimeTypePrefix: 'image/' } }, { token: user.token });
      expect(filtered.files).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });

      const forged = await request(server.url, FilesQuery, { first: 2, after: 'not-a-cursor' }, { token: user.token });
      expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const tooMany = await request(server.url, FilesQuery, { first: 1000 }, { token: user.token });
      expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // Nobody else's files show up, and theirs do not show up here.
      expect((await execute(server.url, FilesQuery, { first: 20, filter: { nameContains: 'Quarterly' } }, { token })).files.totalCount).toBe(0);
    });
  });

  describe('downloads', () => {
    const CONTENT = text(100);
    let file: UploadedFile;
    let other: UploadedFile;
    beforeAll(async () => {
      file = await uploaded(server, token, { name: 'ranges.txt', bytes: CONTENT });
      other = await uploaded(server, token, { name: 'other.txt', bytes: 'another file' });
    });

    it('serves Range requests: 206 with Content-Range, suffix ranges, and 416 when unsatisfiable', async () => {
      const get = (range: string) => fetch(file.url, { headers: { range } });

      const first = await get('bytes=0-4');
      expect(first.status).toBe(206);
      expect(first.headers.get('content-range')).toBe('bytes 0-4/100');
      expect(first.headers.get('content-length')).toBe('5');
      expect(await first.text()).toBe(CONTENT.slice(0, 5));

      const suffix = await get('bytes=-3');
      expect(suffix.status).toBe(206);
      expect(suffix.headers.get('content-range')).toBe('bytes 97-99/100');
      expect(await suffix.text()).toBe(CONTENT.slice(97));

      const open = await get('bytes=90-');
      expect(open.headers.get('content-range')).toBe('bytes 90-99/100');
      expect(await open.text()).toBe(CONTENT.slice(90));

      const clamped = await get('bytes=95-1000');
      expect(clamped.headers.get('content-range')).toBe('bytes 95-99/100');
      expect(await clamped.text()).toBe(CONTENT.slice(95));

      // Several ranges: the whole file (a server may ignore Range).
      const several = await get('bytes=0-1,5-6');
      expect(several.status).toBe(200);
      expect(await several.text()).toBe(CONTENT);

      // If-Range with a stale validator: the whole, current file.
      const stale = await fetch(file.url, { headers: { range: 'bytes=0-4', 'if-range': '"old"' } });
      expect(stale.status).toBe(200);
      expect(await stale.text()).toBe(CONTENT);

      const beyond = await get('bytes=100-200');
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe('bytes */100');
      expect(((await beyond.clone().json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('RANGE_NOT_SATISFIABLE');
      // The error body is JSON, and says so (not the file's own type, nor an attachment).
      expect(beyond.headers.get('content-type')).toMatch(/^application\/json/);
      expect(beyond.headers.get('content-disposition')).toBeNull();
    });

    it('answers 502 UPSTREAM_ERROR as JSON when the object is missing from storage', async () => {
      const lost = await uploaded(server, token, { name: 'lost.txt', bytes: 'lost bytes' });
      const before = await objectsOnDisk(server);
      await Promise.all(before.filter((object) => object.endsWith(lost.id)).map((object) => rm(object)));
      expect((await objectsOnDisk(server)).length).toBe(before.length - 1);
      const response = await fetch(lost.url);
      expect(response.status).toBe(502);
      expect(((await response.clone().json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('content-disposition')).toBeNull();
    });

    it('refuses a tampered signature, another file’s signature, or none, with 403', async () => {
      const url = new URL(file.url);
      const sig = url.searchParams.get('sig')!;
      const otherUrl = new URL(other.url);

      const variants: Record<string, URL> = {};
      const tampered = new URL(url);
      tampered.searchParams.set('sig', `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`);
      variants.tampered = tampered;
      const longer = new URL(url);
      longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
      variants['expiry pushed back'] = longer;
      const swapped = new URL(url);
      swapped.searchParams.set('sig', otherUrl.searchParams.get('sig')!);
      swapped.searchParams.set('expires', otherUrl.searchParams.get('expires')!);
      variants['another file’s signature'] = swapped;
      const bare = new URL(url);
      bare.search = '';
      variants['no signature'] = bare;

      for (const [label, variant] of Object.entries(variants)) {
        const response = await fetch(variant);
        expect(response.status, label).toBe(403);
        expect(((await response.json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code, label).toBe('FORBIDDEN');
      }
      // The genuine URL still works.
      expect(await (await fetch(file.url)).text()).toBe(CONTENT);
    });

    it('answers another workspace’s file ID through GraphQL with NOT_FOUND', async () => {
      const stranger = await signUpUser(server.url, 'Stranger');
      await createWorkspace(server.url, stranger.token, 'Elsewhere');
      const { body } = await request(server.url, FileQuery, { id: file.id }, { token: stranger.token });
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await request(server.url, FileQuery, { id: 'not-a-uuid' }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('deleting', () => {
    it('removes the object and the record; the signed URL then answers 404', async () => {
      const file = await uploaded(server, token, { name: 'doomed.txt', bytes: 'soon gone' });
      const before = await snapshot(server);
      const listed = await listedCount(server, token);
      const data = await execute(server.url, DeleteFile, { input: { id: file.id } }, { token });
      expect(data.deleteFile.deletedFileId).toBe(file.id);
      expect(await snapshot(server)).toEqual({ records: before.records - 1, objects: before.objects - 1 });
      expect(await listedCount(server, token)).toBe(listed - 1);
      const download = await fetch(file.url);
      expect(download.status).toBe(404);
      expect(((await download.json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await request(server.url, FileQuery, { id: file.id }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await request(server.url, DeleteFile, { input: { id: file.id } }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('lets the uploader or an ADMIN delete, and answers FORBIDDEN to another MEMBER', async () => {
      const member = team.members.MEMBER;
      const ownersFile = await uploaded(server, token, { name: 'owners.txt', bytes: 'owner' });
      const refused = await request(server.url, DeleteFile, { input: { id: ownersFile.id } }, { token: member.token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await fetch(ownersFile.url)).status).toBe(200);

      const membersFile = await uploaded(server, member.token, { name: 'mine.txt', bytes: 'member' });
      expect(membersFile.creator?.id).toBe(member.user.id);
      expect((await execute(server.url, DeleteFile, { input: { id: membersFile.id } }, { token: member.token })).deleteFile.deletedFileId).toBe(membersFile.id);

      const editorsFile = await uploaded(server, team.members.EDITOR.token, { name: 'editors.txt', bytes: 'editor' });
      expect((await request(server.url, DeleteFile, { input: { id: editorsFile.id } }, { token: member.token })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await execute(server.url, DeleteFile, { input: { id: editorsFile.id } }, { token: team.members.ADMIN.token })).deleteFile.deletedFileId).toBe(editorsFile.id);
    });
  });

  describe('direct upload (local storage)', () => {
    async function put(url: string, headers: Record<string, string>, body: Uint8Array | string) {
      const response = await fetch(url, { method: 'PUT', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
      const raw = await response.text();
      return { status: response.status, body: raw ? (JSON.parse(raw) as Reply<unknown>['body']) : null };
    }

    it('PUTs the bytes to the signed URL, then completeUpload lists the file with its sniffed type', async () => {
      const created = await execute(server.url, CreateUploadUrl, { input: { name: 'direct.dat', purpose: 'IMAGE', size: PNG.length } }, { token });
      const target = created.createUploadUrl;
      expect(target.method).toBe('PUT');
      expect(new URL(target.url).origin).toBe(server.baseUrl);
      expect(Date.parse(target.expiresAt)).toBeGreaterThan(Date.now());
      // Pending: neither listed nor readable yet.
      expect((await request(server.url, FileQuery, { id: target.fileId }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const sent = await put(target.url, target.headers as Record<string, string>, PNG);
      expect(sent.status).toBe(204);
      const { completeUpload } = await execute(server.url, CompleteUpload, { input: { id: target.fileId } }, { token });
      expect(completeUpload.file).toMatchObject({ id: target.fileId, name: 'direct.dat', size: PNG.length, mimeType: 'image/png', sha256: sha256(PNG), purpose: 'IMAGE' });
      expect(Buffer.from(await (await fetch(completeUpload.file.url)).arrayBuffer())).toEqual(PNG);
      // Done once: the URL and completeUpload are spent.
      expect((await put(target.url, target.headers as Record<string, string>, PNG)).status).toBe(404);
      expect((await request(server.url, CompleteUpload, { input: { id: target.fileId } }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses a PUT of the wrong length with 400, and completeUpload before any bytes with BAD_USER_INPUT', async () => {
      const { createUploadUrl: target } = await execute(server.url, CreateUploadUrl, { input: { name: 'exact.txt', size: 10 } }, { token });
      const early = await request(server.url, CompleteUpload, { input: { id: target.fileId } }, { token });
      expect(early.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      const before = await objectsOnDisk(server);
      for (const body of ['short', 'far too long for ten bytes']) {
        const reply = await put(target.url, target.headers as Record<string, string>, body);
        expect(reply.status, body).toBe(400);
        expect(reply.body?.errors?.[0]?.extensions?.code, body).toBe('BAD_USER_INPUT');
      }
      expect(await objectsOnDisk(server)).toEqual(before);

      expect((await put(target.url, target.headers as Record<string, string>, '0123456789')).status).toBe(204);
      const done = await execute(server.url, CompleteUpload, { input: { id: target.fileId } }, { token });
      expect(done.completeUpload.file).toMatchObject({ size: 10, mimeType: 'text/plain', sha256: sha256('0123456789') });
    });

    it('keeps no object when a PUT is cut off midway', async () => {
      const size = 4 * 1024 * 1024;
      const { createUploadUrl: target } = await execute(server.url, CreateUploadUrl, { input: { name: 'cut.bin', size } }, { token });
      const before = await objectsOnDisk(server);
      const url = new URL(target.url);
      const req = httpRequest({ host: url.hostname, port: url.port, method: 'PUT', path: `${url.pathname}${url.search}`, headers: { ...(target.headers as Record<string, string>), 'content-length': String(size) } });
      req.on('error', () => undefined); // destroyed on purpose below
      req.write(Buffer.alloc(1024 * 1024, 1));
      // The temp file shows the bytes are arriving.
      await until(async () => (await objectsOnDisk(server)).length > before.length);
      req.destroy();
      await until(async () => (await objectsOnDisk(server)).length === before.length);
      const complete = await request(server.url, CompleteUpload, { input: { id: target.fileId } }, { token });
      expect(complete.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses content its purpose does not allow at completeUpload, and removes it', async () => {
      const { createUploadUrl: target } = await execute(server.url, CreateUploadUrl, { input: { name: 'fake.png', purpose: 'IMAGE', size: 8 } }, { token });
      const before = await snapshot(server);
      expect((await put(target.url, target.headers as Record<string, string>, 'not png!')).status).toBe(204);
      const refused = await request(server.url, CompleteUpload, { input: { id: target.fileId } }, { token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot(server)).toEqual({ records: before.records - 1, objects: before.objects });
    });

    it('refuses a tampered upload URL, or a download signature used for uploading, with 403', async () => {
      const { createUploadUrl: target } = await execute(server.url, CreateUploadUrl, { input: { name: 'guarded.txt', size: 4 } }, { token });
      const tampered = new URL(target.url);
      tampered.searchParams.set('sig', 'A'.repeat(tampered.searchParams.get('sig')!.length));
      const reply = await put(tampered.toString(), target.headers as Record<string, string>, 'evil');
      expect(reply.status).toBe(403);
      expect(reply.body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // A READY file's download URL does not open its upload route.
      const file = await uploaded(server, token, { name: 'ready.txt', bytes: 'keep' });
      const download = new URL(file.url);
      const sneaky = new URL(`/files/uploads/${file.id}${download.search}`, server.baseUrl);
      expect((await put(sneaky.toString(), {}, 'evil')).status).toBe(403);
      expect(await (await fetch(file.url)).text()).toBe('keep');
    });
  });

  describe('files in tools', () => {
    it('sends a file’s content for a FILE parameter of a multipart body', async () => {
      const provider = await createApiProvider(server.url, token, { serverUrl: backend.url, document: FILE_API });
      const tool = provider.tools.find((candidate) => candidate.name === 'sendDocument')!;
      expect(tool.parameters).toEqual(expect.arrayContaining([{ name: 'doc', type: 'FILE', required: true, location: 'BODY' }]));
      const content = `tool input ${randomUUID()}`;
      const file = await uploaded(server, token, { name: 'notes.txt', bytes: content });

      const { body } = await request(server.url, InvokeTool, { input: { toolId: tool.id, parameters: { title: 'Notes', doc: file.id } } }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.invokeTool.invocation.status).toBe('SUCCEEDED');
      const seen = backend.last('/echo/files')!;
      expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen.body).toMatch(/name="doc"; filename="notes.txt"\r\nContent-Type: text\/plain/);
      expect(seen.body).toContain(content);
      expect(seen.body).toMatch(/name="title"\r\n\r\nNotes/);

      // Another workspace's file ID is NOT_FOUND, and the backend is not called.
      const stranger = await signUpUser(server.url, 'ToolStranger');
      await createWorkspace(server.url, stranger.token, 'Tool strangers');
      const theirs = await createApiProvider(server.url, stranger.token, { serverUrl: backend.url, document: FILE_API });
      const calls = backend.requests.length;
      const refused = await request(server.url, InvokeTool, { input: { toolId: `${theirs.id}/sendDocument`, parameters: { doc: file.id } } }, { token: stranger.token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(backend.requests.length).toBe(calls);
    });

    it('saves a tool’s binary output as a TOOL_OUTPUT file when asked (saveOutputs)', async () => {
      const provider = await createApiProvider(server.url, token, { serverUrl: backend.url });
      const toolId = provider.tools.find((tool) => tool.name === 'image')!.id;
      const listed = await listedCount(server, token);
      const { invokeTool } = await execute(server.url, InvokeSavingOutputs, { input: { toolId, saveOutputs: true } }, { token });
      expect(invokeTool.invocation.status).toBe('SUCCEEDED');
      const messages = invokeTool.messages.filter((message) => message.__typename === 'FileMessage');
      expect(messages).toHaveLength(1);
      expect(invokeTool.messages.some((message) => message.__typename === 'BlobMessage')).toBe(false);
      const message = messages[0] as { name: string; url: string; fileId: string; size: number };
      const expected = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);
      expect(message).toMatchObject({ fileId: expect.any(String), url: expect.any(String), size: expected.length, name: expect.stringMatching(/^image-output-1\.png$/) });

      const download = await fetch(message.url);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(expected);
      const { file } = await execute(server.url, FileQuery, { id: message.fileId }, { token });
      expect(file).toMatchObject({ purpose: 'TOOL_OUTPUT', size: expected.length, sha256: sha256(expected), creator: { id: team.members.OWNER.user.id } });
      expect(await listedCount(server, token)).toBe(listed + 1);

      // Without saveOutputs nothing is stored.
      await execute(server.url, InvokeSavingOutputs, { input: { toolId } }, { token });
      expect(await listedCount(server, token)).toBe(listed + 1);
    });
  });

  describe('tenant isolation', () => {
    it('answers file, completeUpload and deleteFile with another workspace’s IDs with NOT_FOUND, and changes nothing', async () => {
      const a = await workspaceWithRoles(server.url, 'FilesA');
      const b = await workspaceWithRoles(server.url, 'FilesB');
      const ready = await uploaded(server, a.members.MEMBER.token, { name: 'a-secret.txt', bytes: 'tenant A only' });
      const { createUploadUrl: pending } = await execute(server.url, CreateUploadUrl, { input: { name: 'a-pending.txt', size: 3 } }, { token: a.members.MEMBER.token });
      expect((await fetch(pending.url, { method: 'PUT', headers: pending.headers as Record<string, string>, body: 'abc' })).status).toBe(204);

      for (const role of ['OWNER', 'MEMBER'] as const) {
        const as = b.members[role].token;
        expect((await request(server.url, FileQuery, { id: ready.id }, { token: as })).body.errors?.[0]?.extensions?.code, role).toBe('NOT_FOUND');
        expect((await request(server.url, DeleteFile, { input: { id: ready.id } }, { token: as })).body.errors?.[0]?.extensions?.code, role).toBe('NOT_FOUND');
        expect((await request(server.url, CompleteUpload, { input: { id: pending.fileId } }, { token: as })).body.errors?.[0]?.extensions?.code, role).toBe('NOT_FOUND');
        expect((await execute(server.url, FilesQuery, { first: 20, filter: { nameContains: 'a-secret' } }, { token: as })).files.totalCount, role).toBe(0);
      }
      expect(await (await fetch(ready.url)).text()).toBe('tenant A only');

      // Federation's entity lookup resolves nothing across tenants either.
      const entities = (as: string) =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
          body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on File { name } } }', variables: { r: [{ __typename: 'File', id: ready.id }] } }),
        }).then((response) => response.json() as Promise<{ data: { _entities: unknown[] } }>);
      expect((await entities(b.members.OWNER.token)).data._entities).toEqual([null]);
      expect((await entities(a.members.OWNER.token)).data._entities).toEqual([{ name: 'a-secret.txt' }]);

      const completed = await execute(server.url, CompleteUpload, { input: { id: pending.fileId } }, { token: a.members.MEMBER.token });
      expect(completed.completeUpload.file.sha256).toBe(sha256('abc'));
    });
  });
});

describe('files with tight limits', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // PORT=0 with no PLUGBOARD_PUBLIC_URL, like the test servers of other suites.
    server = await startTestServer({ env: { PLUGBOARD_UPLOAD_MAX_BYTES: '1024', PLUGBOARD_UPLOAD_MAX_FILES: '2', PLUGBOARD_FILE_URL_TTL: '1s' } });
    token = (await signUpUser(server.url, 'Limited')).token;
    await createWorkspace(server.url, token, 'Limited');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('signs URLs for the address the server listens on, also when started with PORT=0', async () => {
    const file = await uploaded(server, token, { name: 'where.txt', bytes: 'here' });
    expect(new URL(file.url).origin).toBe(server.baseUrl);
    const { createUploadUrl } = await execute(server.url, CreateUploadUrl, { input: { name: 'where.txt', size: 4 } }, { token });
    expect(new URL(createUploadUrl.url).origin).toBe(server.baseUrl);
  });

  it('refuses a file over PLUGBOARD_UPLOAD_MAX_BYTES with PAYLOAD_TOO_LARGE as JSON, keeping nothing', async () => {
    const before = await snapshot(server);
    const reply = await uploadFile(server, token, { name: 'big.bin', bytes: new Uint8Array(2048).fill(7) });
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot(server)).toEqual(before);
    const direct = await request(server.url, CreateUploadUrl, { input: { name: 'big.bin', size: 1025 } }, { token });
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const negative = await request(server.url, CreateUploadUrl, { input: { name: 'neg.bin', size: -1 } }, { token });
    expect(negative.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Exactly PLUGBOARD_UPLOAD_MAX_BYTES is allowed, as it is for a direct upload.
    const { createUploadUrl: exact } = await execute(server.url, CreateUploadUrl, { input: { name: 'edge.bin', size: 1024 } }, { token });
    expect(exact.fileId).toEqual(expect.any(String));
    const edge = await uploadFile(server, token, { name: 'edge.bin', bytes: new Uint8Array(1024).fill(7) });
    expect(edge.body.errors).toBeUndefined();
    expect(edge.body.data?.uploadFile.file.size).toBe(1024);
  });

  it('refuses more files than PLUGBOARD_UPLOAD_MAX_FILES with a coded 4xx JSON error, keeping nothing', async () => {
    const before = await snapshot(server);
    const parts = ['a', 'b', 'c'].map((name) => ({ name: `${name}.txt`, bytes: name }));
    const reply = await uploadFiles(server, token, parts);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(['PAYLOAD_TOO_LARGE', 'BAD_USER_INPUT']).toContain(reply.body.errors?.[0]?.extensions?.code);

    // One file part mapped to three list entries: the count is the list's, checked by the service.
    const reused = await postMultipart<unknown>(
      server.url,
      token,
      { query: UPLOAD_FILES, variables: { files: [null, null, null] } },
      { 0: ['variables.files.0', 'variables.files.1', 'variables.files.2'] },
      { 0: { name: 'x.txt', bytes: 'x' } },
    );
    expect(['PAYLOAD_TOO_LARGE', 'BAD_USER_INPUT']).toContain(reused.body.errors?.[0]?.extensions?.code);
    expect(await snapshot(server)).toEqual(before);
  });

  it('refuses expired download and upload URLs with 403 URL_EXPIRED', async () => {
    const file = await uploaded(server, token, { name: 'brief.txt', bytes: 'short-lived' });
    const { createUploadUrl: target } = await execute(server.url, CreateUploadUrl, { input: { name: 'late.txt', size: 4 } }, { token });
    await wait(2100);
    // Follow the path and query the server signed, on the port it really listens on.
    const onServer = (url: string) => new URL(`${new URL(url).pathname}${new URL(url).search}`, server.baseUrl);
    const download = await fetch(onServer(file.url));
    expect(download.status).toBe(403);
    expect(((await download.json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('URL_EXPIRED');
    const upload = await fetch(onServer(target.url), { method: 'PUT', headers: target.headers as Record<string, string>, body: 'late' });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as Reply<unknown>['body']).errors?.[0]?.extensions?.code).toBe('URL_EXPIRED');
    // A fresh URL works again.
    const { file: fresh } = await execute(server.url, FileQuery, { id: file.id }, { token });
    expect(await (await fetch(onServer(fresh.url))).text()).toBe('short-lived');
  });
});
