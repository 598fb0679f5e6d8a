import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let plugboard;
  try {
    plugboard = await createApp(config, { log });
  } catch (error) {
    // Adapters check their own settings (storage, mail) as they are created.
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const url = await plugboard.listen();
  log.info({ subgraphs: config.subgraphs }, `Plugboard ready at ${url}/graphql (ws: same path, SSE: ${url}/graphql/stream)`);

  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1); // a second Ctrl-C means "now"
    log.info({ signal }, 'shutting down');
    plugboard.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Plugboard failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
