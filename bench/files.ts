/**
 * 5. File upload (bench/files.ts): a 200 MB file, generated on the fly into a temp file, sent
 *    through `uploadFile` (GraphQL multipart request) into local storage, against a plain copy
 *    of the same file to the same disk with `curl file://…` (or `fs.copyFile` without curl).
 *    Prints the throughput of each, their ratio, and the peak RSS growth of this process (the
 *    gateway runs in it) during the upload, sampled every 50 ms: streaming keeps it far below
 *    the file's size (target: well under 100 MB).
 *
 *    The upload's client is `curl -F` in a child process when curl exists, so its buffers do
 *    not count in the RSS measured here; without curl it is fetch with a file-backed Blob.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

const MB = 1024 * 1024;

export interface UploadBenchOptions {
  /** Plugboard's `/graphql` URL. */
  graphqlUrl: string;
  /** A session token whose current workspace receives the file (deleted afterwards). */
  token: string;
  /** Plugboard's data folder: local storage lives in `<dataDir>/files`; the baseline copy goes beside it. */
  dataDir: string;
  /** The server's PLUGBOARD_UPLOAD_MAX_BYTES. */
  maxBytes: number;
  /** Default 200. */
  sizeMb?: number;
}

const hasCurl = () => spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;

async function run(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.trim()}`);
  return stdout;
}

/** Writes `bytes` of random data to `file` in 1 MB chunks; returns its SHA-256. */
async function generate(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; ) {
    const chunk = randomBytes(Math.min(MB, bytes - written));
    hash.update(chunk);
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** Samples this process's RSS every 50 ms until stopped; returns the peak. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const UPLOAD = 'mutation BenchUpload($file: Upload!) { uploadFile(file: $file) { file { id size sha256 } } }';

async function uploadThroughGraphql(options: UploadBenchOptions, file: string, useCurl: boolean): Promise<{ id: string; size: number; sha256: string }> {
  const operations = JSON.stringify({ query: UPLOAD, variables: { file: null } });
  const map = JSON.stringify({ 0: ['variables.file'] });
  let raw: string;
  if (useCurl) {
    raw = await run('curl', [
      '-sS',
      '--fail-with-body',
      options.graphqlUrl,
      '-H',
      `authorization: Bearer ${options.token}`,
      '-H',
      'apollo-require-preflight: true',
      // No 100-continue round trip: the body goes at once, as with fetch.
      '-H',
      'Expect:',
      '-F',
      `operations=${operations}`,
      '-F',
      `map=${map}`,
      '-F',
      `0=@${file};type=application/octet-stream;filename=bench.bin`,
    ]);
  } else {
    const form = new FormData();
    form.append('operations', operations);
    form.append('map', map);
    form.append('0', await openAsBlob(file, { type: 'application/octet-stream' }), 'bench.bin');
    const response = await fetch(options.graphqlUrl, { method: 'POST', headers: { authorization: `Bearer ${options.token}`, 'apollo-require-preflight': 'true' }, body: form });
    raw = await response.text();
  }
  const body = JSON.parse(raw) as { data?: { uploadFile: { file: { id: string; size: number; sha256: string } } }; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`upload failed: ${JSON.stringify(body.errors)}`);
  return body.data.uploadFile.file;
}

async function deleteFile(options: UploadBenchOptions, id: string): Promise<void> {
  const response = await fetch(options.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: 'mutation($id: ID!) { deleteFile(input: { id: $id }) { deletedFileId } }', variables: { id } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`delete failed: ${JSON.stringify(body.errors)}`);
}

export async function benchUpload(options: UploadBenchOptions): Promise<void> {
  const bytes = (options.sizeMb ?? 200) * MB;
  if (options.maxBytes < bytes) throw new Error(`benchUpload: PLUGBOARD_UPLOAD_MAX_BYTES is ${options.maxBytes}, below the ${bytes}-byte bench file`);
  const useCurl = hasCurl();
  // Beside the data folder, so on the same disk as local storage.
  const workDir = await mkdtemp(path.join(path.dirname(path.resolve(options.dataDir)), 'plugboard-bench-upload-'));
  const copyDir = path.join(options.dataDir, 'bench-copy');
  try {
    const source = path.join(workDir, 'source.bin');
    const digest = await generate(source, bytes);

    // Baseline: the same bytes copied to the same disk.
    await mkdir(copyDir, { recursive: true });
    const target = path.join(copyDir, 'copy.bin');
    const copyStarted = performance.now();
    if (useCurl) await run('curl', ['-sS', '-o', target, `file://${source}`]);
    else await copyFile(source, target);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    if ((await stat(target)).size !== bytes) throw new Error('baseline copy is incomplete');
    await rm(target);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const sampler = sampleRss();
    const uploadStarted = performance.now();
    const file = await uploadThroughGraphql(options, source, useCurl);
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    const rssPeak = sampler.stop();
    if (file.size !== bytes || file.sha256 !== digest) throw new Error(`uploaded file differs: ${file.size} bytes, sha256 ${file.sha256}`);
    await deleteFile(options, file.id);

    const growthMb = (rssPeak - rssBefore) / MB;
    const sizeMb = bytes / MB;
    console.log(`\n5. upload of a ${sizeMb} MB file to local storage (MB = MiB; upload client: ${useCurl ? 'curl -F' : 'fetch + file-backed Blob'})`);
    console.table([
      { path: `plain copy (${useCurl ? 'curl file://' : 'fs.copyFile'})`, seconds: copySeconds.toFixed(2), 'MB/s': Math.round(sizeMb / copySeconds) },
      { path: 'uploadFile (GraphQL multipart → local storage)', seconds: uploadSeconds.toFixed(2), 'MB/s': Math.round(sizeMb / uploadSeconds) },
    ]);
    console.log(`ratio uploadFile / plain copy: throughput ${(copySeconds / uploadSeconds).toFixed(2)}`);
    console.log(
      `server process RSS during the upload: ${Math.round(rssBefore / MB)} MB before, peak ${Math.round(rssPeak / MB)} MB, growth ${growthMb.toFixed(1)} MB (target well under 100 MB: ${growthMb < 100 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
  }
}
