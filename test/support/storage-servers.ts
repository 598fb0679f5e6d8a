/**
 * Real storage servers for tests, each a child process on 127.0.0.1 and a port the OS
 * picks (read back from its startup line): s3rver on a temp folder, azurite-blob in
 * memory. Each `stop()` ends the process and removes its folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

interface ChildServer {
  /** What the `ready` pattern captured: the listening address. */
  address: string;
  stop(): Promise<void>;
}

/**
 * Runs `node [nodeFlags] script args` in a fresh temp folder (removed on stop) and waits
 * for a line matching `ready`, whose first group is the address.
 */
async function startChild(name: string, nodeFlags: string[], script: string, args: (dir: string) => string[], ready: RegExp): Promise<ChildServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `plugboard-${name}-`));
  const child = spawn(process.execPath, [...nodeFlags, script, ...args(dir)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s:\n${output}`)), 20_000);
      const check = () => {
        const match = ready.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(match[1]!);
      };
      child.stdout!.on('data', check);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code}:\n${output}`));
      });
    });
    // Keep draining its output, so a full pipe never blocks it, without keeping it.
    child.stdout!.removeAllListeners('data');
    child.stderr!.removeAllListeners('data');
    child.stdout!.resume();
    child.stderr!.resume();
    return { address, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface S3Server {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/**
 * s3rver on a temp folder; create buckets through the S3 API. A child process because
 * its ListObjectsV2 continuation tokens use DES, which Node's OpenSSL 3 only offers with
 * --openssl-legacy-provider.
 */
export async function startS3rver(): Promise<S3Server> {
  const server = await startChild(
    's3rver',
    ['--openssl-legacy-provider'],
    path.join(packageDir('s3rver'), 'bin/s3rver.js'),
    (dir) => ['--directory', dir, '--address', '127.0.0.1', '--port', '0', '--silent'],
    /S3rver listening on (127\.0\.0\.1:\d+)/,
  );
  return {
    endpoint: `http://${server.address}`,
    // s3rver's continuation tokens only accept us-east-1.
    region: 'us-east-1',
    // s3rver's fixed account.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: server.stop,
  };
}

export interface AzuriteServer {
  /** http://127.0.0.1:<port>/devstoreaccount1 */
  blobEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** azurite-blob in memory (it writes nothing to its temp folder). */
export async function startAzurite(): Promise<AzuriteServer> {
  const server = await startChild(
    'azurite',
    [],
    path.join(packageDir('azurite'), 'dist/src/blob/main.js'),
    () => ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck'],
    /successfully listens on http:\/\/(127\.0\.0\.1:\d+)/,
  );
  const blobEndpoint = `http://${server.address}/${AZURITE_ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: server.stop,
  };
}
