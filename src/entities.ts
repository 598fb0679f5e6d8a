import { appEntities } from './apps/app.entity.js';
import { identityEntities } from './identity/identity.entities.js';
import { fileEntities } from './files/file.entity.js';
import { toolEntities } from './tools/tool.entities.js';

/** Every MikroORM entity, for the one ORM instance (all domains share the database). */
export const entities = [...identityEntities, ...appEntities, ...toolEntities, ...fileEntities];
