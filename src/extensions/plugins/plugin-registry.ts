/**
 * The plugins installed on this server: the folders under PLUGBOARD_PLUGIN_DIR, mirrored in
 * the `plugins` table (for listing and for who installed what) and registered with the
 * PluginHost that runs them. Discovery runs at start; a bad folder is logged and skipped.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { InstalledPlugin, type PluginSource } from '../extension.entities.js';
import { removeLeftovers } from './plugin-installer.js';
import { discoverPlugins } from './plugin-loader.js';
import type { LoadedPlugin, PluginCall, PluginCallOptions, PluginState } from './plugin.types.js';

/** What the rest of Plugboard uses of the PluginHost. */
export interface PluginRunner {
  register(plugin: LoadedPlugin): Promise<void>;
  unregister(name: string): Promise<void>;
  state(name: string): PluginState | undefined;
  call(name: string, call: PluginCall, options: PluginCallOptions): Promise<unknown>;
  close(): Promise<void>;
}

/** Records a plugin (new, or a new version) and (re)starts it. */
export async function installPlugin(em: EntityManager, runner: PluginRunner, plugin: LoadedPlugin, source: PluginSource, installedBy: string | null): Promise<InstalledPlugin> {
  const { manifest } = plugin;
  let row = await em.findOne(InstalledPlugin, { name: manifest.name });
  if (row) {
    // Rediscovering the same version at start keeps who installed it and how.
    const changed = row.version !== manifest.version || row.dir !== plugin.dir;
    Object.assign(row, { version: manifest.version, manifest, dir: plugin.dir, ...(changed || installedBy ? { source, installedBy } : {}) });
  } else {
    row = em.create(InstalledPlugin, { name: manifest.name, version: manifest.version, manifest, dir: plugin.dir, source, installedBy });
  }
  await em.flush();
  await runner.register(plugin);
  return row;
}

/** At start: every plugin folder under `root` is recorded and registered. */
export async function syncPluginFolder(orm: MikroORM, runner: PluginRunner, root: string, log: Logger): Promise<void> {
  await removeLeftovers(root);
  const { plugins, errors } = await discoverPlugins(root);
  for (const error of errors) log.warn({ dir: error.dir, problem: error.message }, 'plugin skipped');
  for (const plugin of plugins) {
    try {
      await installPlugin(orm.em.fork(), runner, plugin, 'DISCOVERED', null);
      log.info({ plugin: plugin.manifest.name, version: plugin.manifest.version, module: plugin.manifest.module }, 'plugin loaded');
    } catch (error) {
      // One plugin must never stop the gateway from starting.
      log.warn({ dir: plugin.dir, problem: (error as Error).message }, 'plugin skipped');
    }
  }
}
