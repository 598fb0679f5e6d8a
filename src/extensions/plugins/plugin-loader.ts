/**
 * Finding plugins on disk and unpacking uploaded ones. A plugin is a folder holding
 * `plugboard.json` and its ES-module entry. Everything here treats the folder's content as
 * hostile: the sandbox's permission model lets the plugin read its own folder, and Node
 * follows symbolic links even when they point outside the granted paths, so a link leaving
 * the folder would hand the plugin any file of the gateway. Such links are refused both
 * when unpacking and when loading.
 */
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Unpack, type ReadEntry } from 'tar';
import { ValidationError } from '../../errors.js';
import { compareVersions, parsePluginManifest } from './manifest.js';
import type { LoadedPlugin } from './plugin.types.js';

export const MANIFEST_FILE = 'plugboard.json';
const MAX_MANIFEST_BYTES = 256 * 1024;
export const MAX_TARBALL_ENTRIES = 1000;
export const MAX_TARBALL_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Files checked for escaping symlinks when a folder is loaded; a larger plugin is refused. */
const MAX_FOLDER_ENTRIES = 20_000;
/** Entry types a plugin may contain; devices, FIFOs and tape oddities are refused. */
const ALLOWED_ENTRY_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);
const PACKAGE_PREFIX = 'package/';

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Reads and validates `plugboard.json`, checks the entry file and that no symlink leaves the folder. */
export async function loadPluginFolder(dir: string): Promise<LoadedPlugin> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new ValidationError(`${dir} is not a readable plugin folder`);
  }
  // Node's --allow-fs-read takes a comma-separated list on Node 20: a comma would split the grant.
  if (root.includes(',')) throw new ValidationError(`A plugin folder path may not contain a comma: ${root}`);

  const manifestPath = path.join(root, MANIFEST_FILE);
  let raw: string;
  try {
    const info = await lstat(manifestPath);
    if (!info.isFile()) throw new ValidationError(`${MANIFEST_FILE} must be a regular file`);
    if (info.size > MAX_MANIFEST_BYTES) throw new ValidationError(`${MANIFEST_FILE} is larger than ${MAX_MANIFEST_BYTES / 1024} KB`);
    raw = await readFile(manifestPath, 'utf8');
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw new ValidationError(`${MANIFEST_FILE} is missing from ${root}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ValidationError(`${MANIFEST_FILE}: is not valid JSON (${(err as Error).message})`);
  }
  const manifest = parsePluginManifest(json, MANIFEST_FILE);

  const entryPath = path.resolve(root, manifest.entry);
  let entryReal: string;
  try {
    entryReal = await realpath(entryPath);
  } catch {
    throw new ValidationError(`${MANIFEST_FILE}: entry "${manifest.entry}" does not exist in the plugin folder`);
  }
  if (!inside(root, entryReal)) throw new ValidationError(`${MANIFEST_FILE}: entry "${manifest.entry}" points outside the plugin folder`);
  if (!(await stat(entryReal)).isFile()) throw new ValidationError(`${MANIFEST_FILE}: entry "${manifest.entry}" is not a file`);

  await refuseEscapingLinks(root);
  return { manifest, dir: root };
}

/** Walks the folder (without following links) and refuses any symlink whose target is outside it. */
async function refuseEscapingLinks(root: string): Promise<void> {
  const pending = [root];
  let seen = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (++seen > MAX_FOLDER_ENTRIES) throw new ValidationError(`The plugin folder holds more than ${MAX_FOLDER_ENTRIES} files`);
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(full);
        } catch {
          throw new ValidationError(`${path.relative(root, full)} is a broken symbolic link`);
        }
        if (!inside(root, target)) throw new ValidationError(`${path.relative(root, full)} is a symbolic link pointing outside the plugin folder`);
      }
    }
  }
}

/**
 * A path as tar stores it, checked: relative, no NUL, forward slashes, and no `..` unless
 * allowed (a symlink target may climb, as long as it resolves inside the plugin).
 */
function archivePathProblem(entryPath: string, allowParent = false): string | undefined {
  if (entryPath.includes('\0')) return 'contains a NUL byte';
  if (entryPath.includes('\\')) return 'uses "\\" as a separator';
  if (entryPath.startsWith('/') || /^[A-Za-z]:/.test(entryPath)) return 'is an absolute path';
  if (!allowParent && entryPath.split('/').includes('..')) return 'contains ".."';
  return undefined;
}

/**
 * Unpacks a plugin tarball (gzip or plain tar) into `intoDir`, which must be empty or absent:
 * either npm-pack style (every entry under `package/`) or with `plugboard.json` at the root.
 * Refused as a whole (and `intoDir` emptied again): absolute paths, `..`, links whose target
 * leaves the plugin, devices and FIFOs, more than 1000 entries, more than 50 MB unpacked.
 * Entry modes are reset to 0644/0755 (no setuid bits, no group/world writes), owners are not
 * kept. Returns the plugin folder: `intoDir`, or `intoDir/package`.
 */
export async function extractPluginTarball(file: string, intoDir: string): Promise<string> {
  const target = path.resolve(intoDir);
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new ValidationError(`${target} is not empty`);

  let refusal: ValidationError | undefined;
  let entries = 0;
  let bytes = 0;
  let layout: 'package' | 'root' | undefined;

  const unpack = new Unpack({
    cwd: target,
    strict: true,
    preserveOwner: false,
    maxMetaEntrySize: 64 * 1024,
    filter: (entryPath, entry) => {
      if (refusal) return false;
      const problem = checkEntry(entryPath, entry as ReadEntry);
      if (problem) {
        refusal = new ValidationError(`The plugin archive is refused: ${problem}`);
        // Stops reading (and decompressing) at once: a bomb is not unpacked to the end.
        unpack.abort(refusal);
        return false;
      }
      return true;
    },
    onReadEntry: (entry) => {
      // Runs before the unpacker writes the entry: no setuid/setgid bits, nothing group/world-writable.
      entry.mode = entry.type === 'Directory' || ((entry.mode ?? 0) & 0o111) !== 0 ? 0o755 : 0o644;
    },
  });

  function checkEntry(entryPath: string, entry: ReadEntry): string | undefined {
    if (++entries > MAX_TARBALL_ENTRIES) return `more than ${MAX_TARBALL_ENTRIES} entries`;
    const pathProblem = archivePathProblem(entryPath);
    if (pathProblem) return `entry "${entryPath.slice(0, 200)}" ${pathProblem}`;
    if (!ALLOWED_ENTRY_TYPES.has(entry.type)) return `entry "${entryPath}" is a ${entry.type}, only files, folders and links are allowed`;
    bytes += entry.size ?? 0;
    if (bytes > MAX_TARBALL_UNPACKED_BYTES) return `more than ${MAX_TARBALL_UNPACKED_BYTES / 1024 / 1024} MB unpacked`;

    const normalized = path.posix.normalize(entryPath);
    const entryLayout = normalized === 'package' || normalized.startsWith(PACKAGE_PREFIX) ? 'package' : 'root';
    layout ??= entryLayout;
    if (layout !== entryLayout) return 'it mixes entries under package/ with entries at the root';
    const pluginRoot = layout === 'package' ? 'package' : '.';

    if (entry.type === 'SymbolicLink' || entry.type === 'Link') {
      const link = entry.linkpath ?? '';
      const linkProblem = link === '' ? 'is empty' : archivePathProblem(link, entry.type === 'SymbolicLink');
      if (linkProblem) return `link "${entryPath}" target ${linkProblem}`;
      // A symlink's target is relative to its own folder; a hard link's names another archive entry.
      const resolved = entry.type === 'SymbolicLink' ? path.posix.join(path.posix.dirname(normalized), link) : path.posix.normalize(link);
      const relative = path.posix.relative(pluginRoot, resolved);
      if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) {
        return `link "${entryPath}" points outside the plugin`;
      }
    }
    return undefined;
  }

  try {
    await new Promise<void>((resolve, reject) => {
      unpack.on('error', reject);
      unpack.on('close', () => resolve());
      const input = createReadStream(file);
      input.on('error', reject);
      input.pipe(unpack);
    });
    if (refusal) throw refusal;
    if (entries === 0) throw new ValidationError('The plugin archive is empty');
  } catch (err) {
    await emptyFolderOnceQuiet(target);
    if (refusal) throw refusal;
    if (err instanceof ValidationError) throw err;
    throw new ValidationError(`The plugin archive could not be unpacked: ${(err as Error).message}`);
  }
  return layout === 'package' ? path.join(target, 'package') : target;
}

async function emptyFolder(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Empties `dir` after a refused archive. The unpacker stops reading at once on abort, but
 * writes it had started (a folder, a file) still land afterwards and emit nothing when they
 * do: empty again until the folder stays empty for a moment (bounded to about a second).
 */
async function emptyFolderOnceQuiet(dir: string): Promise<void> {
  for (let round = 0; round < 40; round++) {
    // A write landing mid-removal makes rm fail ENOTEMPTY: the next round takes it.
    await emptyFolder(dir).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 25));
    if ((await readdir(dir).catch(() => [] as string[])).length === 0) return;
  }
}

export interface DiscoveryResult {
  plugins: LoadedPlugin[];
  errors: { dir: string; message: string }[];
}

/**
 * Loads every immediate subfolder of `rootDir` (hidden ones skipped) as a plugin. A broken
 * plugin is reported and skipped; two plugins with the same name: the higher version is
 * kept (on a tie, the first folder in name order) and the other reported.
 */
export async function discoverPlugins(rootDir: string): Promise<DiscoveryResult> {
  const errors: DiscoveryResult['errors'] = [];
  const byName = new Map<string, LoadedPlugin>();
  const names = (await readdir(rootDir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();

  for (const name of names) {
    const dir = path.join(rootDir, name);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    let plugin: LoadedPlugin;
    try {
      plugin = await loadPluginFolder(dir);
    } catch (err) {
      errors.push({ dir, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const { name: pluginName, version } = plugin.manifest;
    const kept = byName.get(pluginName);
    if (!kept) {
      byName.set(pluginName, plugin);
      continue;
    }
    const newer = compareVersions(version, kept.manifest.version) > 0;
    const [winner, loser] = newer ? [plugin, kept] : [kept, plugin];
    byName.set(pluginName, winner);
    errors.push({
      dir: loser.dir,
      message: `Plugin "${pluginName}" ${loser.manifest.version} is ignored: ${winner.manifest.version} is also installed (in ${winner.dir})`,
    });
  }
  return { plugins: [...byName.values()], errors };
}
