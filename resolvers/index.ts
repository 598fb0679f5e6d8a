import type { SubgraphName } from '../src/config.js';
import { baseModule } from './base/index.js';
import { appsModule } from './apps/index.js';
import { extensionsModule } from './extensions/index.js';
import { identityModule } from './identity/index.js';
import { mailModule } from './mail/index.js';
import { filesModule } from './files/index.js';
import { toolsModule } from './tools/index.js';
import { workflowsModule } from './workflows/index.js';
import type { DomainModule } from './module.js';

export { baseModule };

/** Every domain subgraph; `PLUGBOARD_SUBGRAPHS` picks which of them a process serves. */
export const domainModules: Record<SubgraphName, DomainModule> = {
  identity: identityModule,
  apps: appsModule,
  tools: toolsModule,
  files: filesModule,
  mail: mailModule,
  extensions: extensionsModule,
  workflows: workflowsModule,
};
