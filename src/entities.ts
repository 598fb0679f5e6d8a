import { appEntities } from './apps/app.entity.js';
import { extensionEntities } from './extensions/extension.entities.js';
import { accountEntities } from './identity/account.entities.js';
import { identityEntities } from './identity/identity.entities.js';
import { fileEntities } from './files/file.entity.js';
import { mailEntities } from './mail/mail-delivery.entity.js';
import { toolEntities } from './tools/tool.entities.js';
import { workflowEntities } from './workflows/workflow.entities.js';

/** Every MikroORM entity, for the one ORM instance (all domains share the database). */
export const entities = [...identityEntities, ...accountEntities, ...appEntities, ...toolEntities, ...fileEntities, ...mailEntities, ...extensionEntities, ...workflowEntities];
