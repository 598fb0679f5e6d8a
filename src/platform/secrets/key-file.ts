import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The text of `<dataDir>/keys/<name>`, created once (0600, folder 0700) with `generate()`
 * and reused after restarts. Created with 'wx': two processes starting together cannot
 * overwrite each other's key; the one that loses reads the winner's.
 */
export async function loadOrCreateKeyFile(dataDir: string, name: string, generate: () => string): Promise<{ file: string; text: string }> {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const fresh = generate();
  try {
    await writeFile(file, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    return { file, text: fresh };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { file, text: (await readFile(file, 'utf8')).trim() };
}
