/**
 * Installing a plugin while the server runs: from an uploaded tarball (npm-pack style
 * `.tgz`) or from a folder on the server. The package is unpacked and validated in a
 * scratch folder first, a lower version than the installed one is refused, and only then
 * does it replace `<pluginDir>/<name>` (so a restart discovers the same code).
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '../../errors.js';
import { isDowngrade } from './manifest.js';
import { extractPluginTarball, loadPluginFolder } from './plugin-loader.js';
import type { LoadedPlugin } from './plugin.types.js';

export type PluginPackage = { tarball: Buffer } | { folder: string };

/**
 * Validates the package and moves it to `<pluginDir>/<name>`; returns the plugin as loaded
 * from there. `installedVersion` is the version recorded for that name, if any.
 */
export async function placePlugin(pluginDir: string, pkg: PluginPackage, installedVersion: (name: string) => Promise<string | null>): Promise<LoadedPlugin> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'plugboard-install-'));
  let release: (() => void) | undefined;
  try {
    let folder: string;
    if ('tarball' in pkg) {
      const file = path.join(scratch, 'package.tgz');
      await writeFile(file, pkg.tarball);
      folder = await extractPluginTarball(file, path.join(scratch, 'unpacked'));
    } else {
      // Validated where it is, then copied: later edits to the source do not change what runs.
      folder = (await loadPluginFolder(pkg.folder)).dir;
    }
    const candidate = await loadPluginFolder(folder);
    const { name, version } = candidate.manifest;
    release = await lockName(name);
    const installed = await installedVersion(name);
    if (installed && isDowngrade(installed, version)) {
      throw new ConflictError(`${name} ${installed} is installed; ${version} would be a downgrade`, { field: 'version', installed });
    }
    // Next to the target (same file system), then swapped in with renames.
    const staging = path.join(pluginDir, `.staging-${randomUUID()}`);
    await cp(folder, staging, { recursive: true, verbatimSymlinks: true });
    const target = path.join(pluginDir, name);
    const retired = path.join(pluginDir, `.retired-${randomUUID()}`);
    const hadTarget = await rename(target, retired).then(() => true, () => false);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadTarget) await rename(retired, target).catch(() => undefined); // the installed version stays
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    // The old version's process finishes its calls from the retired copy (it may still load
    // files lazily); retired copies are removed at the next start (removeLeftovers).
    return await loadPluginFolder(target);
  } finally {
    release?.();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Installs of one plugin name run one at a time in this process (the folder swap is not atomic). */
const installing = new Map<string, Promise<void>>();

async function lockName(name: string): Promise<() => void> {
  const previous = installing.get(name) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => (release = resolve));
  const chained = previous.then(() => current);
  installing.set(name, chained);
  await previous;
  return () => {
    release();
    if (installing.get(name) === chained) installing.delete(name);
  };
}

/** At start: staging and retired copies left by earlier installs (no process uses them now). */
export async function removeLeftovers(pluginDir: string): Promise<void> {
  for (const name of await readdir(pluginDir).catch(() => [] as string[])) {
    if (name.startsWith('.staging-') || name.startsWith('.retired-')) await rm(path.join(pluginDir, name), { recursive: true, force: true });
  }
}
