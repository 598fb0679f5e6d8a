import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRecord } from '../../src/files/file.entity.js';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startAzurite, startS3rver } from '../support/storage-servers.js';
import { PNG, postMultipart, sha256, until, wait } from '../support/uploads.js';

/*
 * The files domain on cloud storage: the same gateway configured for S3 (s3rver) and for
 * Azure Blob Storage (azurite), both real servers on 127.0.0.1. Uploads stream through
 * GraphQL into the bucket or container, downloads stream back through the gateway's signed
 * URLs, and direct uploads go to the backend's own presigned URL.
 */

const CloudFile = graphql(`
  query CloudFile($id: ID!) {
    file(id: $id) {
      id
      name
      size
      mimeType
      sha256
      url
    }
  }
`);

const CloudCreateUploadUrl = graphql(`
  mutation CloudCreateUploadUrl($input: CreateUploadUrlInput!) {
    createUploadUrl(input: $input) {
      fileId
      url
      method
      headers
      expiresAt
    }
  }
`);

const CloudCompleteUpload = graphql(`
  mutation CloudCompleteUpload($input: CompleteUploadInput!) {
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

const CloudDeleteFile = graphql(`
  mutation CloudDeleteFile($input: DeleteFileInput!) {
    deleteFile(input: $input) {
      deletedFileId
    }
  }
`);

const UPLOAD_FILE = `mutation CloudUpload($file: Upload!, $purpose: FilePurpose) {
  uploadFile(file: $file, purpose: $purpose) { file { id name size mimeType sha256 purpose url } }
}`;

interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
  purpose: string;
  url: string;
}

interface Backend {
  /** The gateway's environment for this storage. */
  env: Record<string, string>;
  /** Where presigned URLs point. */
  origin: string;
  /** Headers a presigned PUT must carry. */
  putHeaders: Record<string, string>;
  /** Every object key in the bucket or container. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

const backends: Record<'S3 (s3rver)' | 'Azure Blob (azurite)', () => Promise<Backend>> = {
  async 'S3 (s3rver)'() {
    const s3 = await startS3rver();
    const bucket = 'plugboard-files';
    const admin = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    return {
      env: {
        PLUGBOARD_STORAGE: 's3',
        PLUGBOARD_S3_BUCKET: bucket,
        PLUGBOARD_S3_REGION: 'us-east-1',
        PLUGBOARD_S3_ENDPOINT: s3.endpoint,
        PLUGBOARD_S3_FORCE_PATH_STYLE: 'true',
        PLUGBOARD_S3_ACCESS_KEY_ID: s3.accessKeyId,
        PLUGBOARD_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        PLUGBOARD_S3_PREFIX: 'gateway/',
      },
      origin: s3.endpoint,
      putHeaders: {},
      async keys() {
        const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
        return (listed.Contents ?? []).map((object) => object.Key!);
      },
      async stop() {
        admin.destroy();
        await s3.stop();
      },
    };
  },
  async 'Azure Blob (azurite)'() {
    const azurite = await startAzurite();
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('plugboard-files');
    await container.create();
    return {
      env: {
        PLUGBOARD_STORAGE: 'azure',
        PLUGBOARD_AZURE_CONNECTION_STRING: azurite.connectionString,
        PLUGBOARD_AZURE_CONTAINER: 'plugboard-files',
        PLUGBOARD_AZURE_PREFIX: 'gateway/',
      },
      origin: new URL(azurite.blobEndpoint).origin,
      putHeaders: { 'x-ms-blob-type': 'BlockBlob' },
      async keys() {
        const names: string[] = [];
        for await (const blob of container.listBlobsFlat()) names.push(blob.name);
        return names;
      },
      stop: () => azurite.stop(),
    };
  },
};

describe.each(Object.keys(backends) as (keyof typeof backends)[])('files on %s', (name) => {
  let backend: Backend;
  let server: TestServer;
  let token: string;
  let workspaceId: string;

  beforeAll(async () => {
    backend = await backends[name]();
    server = await startTestServer({ env: backend.env });
    token = (await signUpUser(server.url, 'Cloudy')).token;
    workspaceId = (await createWorkspace(server.url, token, 'Cloud')).id;
  });
  afterAll(async () => {
    await server?.stop();
    await backend?.stop();
  });

  const keyOf = (id: string) => `gateway/workspaces/${workspaceId}/files/${id}`;

  async function upload(bytes: Uint8Array | string, fileName: string, purpose?: string) {
    const reply = await postMultipart<{ uploadFile: { file: UploadedFile } }>(server.url, token, { query: UPLOAD_FILE, variables: { file: null, purpose } }, { 0: ['variables.file'] }, { 0: { name: fileName, bytes } });
    return reply.body;
  }

  async function uploaded(bytes: Uint8Array | string, fileName: string, purpose?: string): Promise<UploadedFile> {
    const body = await upload(bytes, fileName, purpose);
    if (body.errors || !body.data) throw new Error(`upload failed: ${JSON.stringify(body.errors)}`);
    return body.data.uploadFile.file;
  }

  const records = () => server.plugboard.deps.orm.em.fork().count(FileRecord, {});

  it('streams an upload through GraphQL into storage, and back through file.url with Range support', async () => {
    // 9 MB: past the S3 driver's 8 MB part size, so a multipart upload on S3.
    const bytes = randomBytes(9 * 1024 * 1024);
    bytes.set(PNG, 0);
    const file = await uploaded(bytes, 'big.png');
    expect(file).toMatchObject({ name: 'big.png', size: bytes.length, sha256: sha256(bytes), mimeType: 'image/png' });
    expect(await backend.keys()).toContain(keyOf(file.id));

    const whole = await fetch(file.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(bytes.length));
    expect(whole.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(sha256(bytes));

    const head = await fetch(file.url, { headers: { range: 'bytes=0-4' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-4/${bytes.length}`);
    expect(Buffer.from(await head.arrayBuffer())).toEqual(bytes.subarray(0, 5));
    const tail = await fetch(file.url, { headers: { range: 'bytes=-3' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(-3));
    const middle = await fetch(file.url, { headers: { range: 'bytes=8388600-8388615' } });
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(bytes.subarray(8388600, 8388616));
    const beyond = await fetch(file.url, { headers: { range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();
  });

  it('keeps no object for a refused upload', async () => {
    const before = await backend.keys();
    const body = await upload('plain text, not an image', 'fake.png', 'IMAGE');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await backend.keys()).toEqual(before);
  });

  it('keeps no object and no record for an upload aborted mid-stream', async () => {
    const keysBefore = await backend.keys();
    const recordsBefore = await records();
    const boundary = 'cloud-abort-boundary';
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="operations"',
        '',
        JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } }),
        `--${boundary}`,
        'Content-Disposition: form-data; name="map"',
        '',
        '{"0":["variables.file"]}',
        `--${boundary}`,
        'Content-Disposition: form-data; name="0"; filename="cut.bin"',
        'Content-Type: application/octet-stream',
        '',
        '',
      ].join('\r\n'),
    );
    const req = httpRequest({
      host: '127.0.0.1',
      port: new URL(server.baseUrl).port,
      method: 'POST',
      path: '/graphql',
      headers: {
        authorization: `Bearer ${token}`,
        'apollo-require-preflight': 'true',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 40 * 1024 * 1024),
      },
    });
    req.on('error', () => undefined); // destroyed on purpose below
    req.write(head);
    // More than one S3 part, so a multipart upload is under way when the client goes.
    for (let i = 0; i < 10; i++) req.write(randomBytes(1024 * 1024));
    await until(async () => (await records()) > recordsBefore);
    await wait(300);
    req.destroy();
    await until(async () => (await records()) === recordsBefore);
    await until(async () => (await backend.keys()).length === keysBefore.length);
    expect(await backend.keys()).toEqual(keysBefore);
  });

  it('hands out a presigned backend URL for direct uploads, and completeUpload checks what arrived', async () => {
    const { createUploadUrl: target } = await execute(server.url, CloudCreateUploadUrl, { input: { name: 'direct.png', purpose: 'IMAGE', size: PNG.length } }, { token });
    expect(target.method).toBe('PUT');
    expect(new URL(target.url).origin).toBe(backend.origin);
    expect(target.headers).toEqual(backend.putHeaders);

    const put = await fetch(target.url, { method: 'PUT', headers: target.headers as Record<string, string>, body: new Uint8Array(PNG) });
    expect(put.status).toBeLessThan(300);
    const { completeUpload } = await execute(server.url, CloudCompleteUpload, { input: { id: target.fileId } }, { token });
    expect(completeUpload.file).toMatchObject({ id: target.fileId, name: 'direct.png', size: PNG.length, mimeType: 'image/png', sha256: sha256(PNG), purpose: 'IMAGE' });
    expect(await backend.keys()).toContain(keyOf(target.fileId));
    // Downloads still go through the gateway's signed URL.
    expect(new URL(completeUpload.file.url).origin).toBe(server.baseUrl);
    expect(Buffer.from(await (await fetch(completeUpload.file.url)).arrayBuffer())).toEqual(PNG);
  });

  it('refuses a direct upload of another size than announced, and removes what arrived', async () => {
    const { createUploadUrl: target } = await execute(server.url, CloudCreateUploadUrl, { input: { name: 'sized.txt', size: 10 } }, { token });
    const early = await request(server.url, CloudCompleteUpload, { input: { id: target.fileId } }, { token });
    expect(early.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers as Record<string, string>, body: 'not ten bytes at all' });
    expect(put.status).toBeLessThan(300);
    expect(await backend.keys()).toContain(keyOf(target.fileId));
    const refused = await request(server.url, CloudCompleteUpload, { input: { id: target.fileId } }, { token });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await backend.keys()).not.toContain(keyOf(target.fileId));
  });

  it('deletes the object and the record', async () => {
    const file = await uploaded('short-lived cloud bytes', 'gone.txt');
    expect(await backend.keys()).toContain(keyOf(file.id));
    const { deleteFile } = await execute(server.url, CloudDeleteFile, { input: { id: file.id } }, { token });
    expect(deleteFile.deletedFileId).toBe(file.id);
    expect(await backend.keys()).not.toContain(keyOf(file.id));
    expect((await request(server.url, CloudFile, { id: file.id }, { token })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const download = await fetch(file.url);
    expect(download.status).toBe(404);
    await download.arrayBuffer();
  });
});
