import { Migration20261125000000_identity } from './Migration20261125000000_identity.js';
import { Migration20261125010000_access } from './Migration20261125010000_access.js';
import { Migration20261125020000_email_verified } from './Migration20261125020000_email_verified.js';
import { Migration20261125030000_tools } from './Migration20261125030000_tools.js';
import { Migration20261125040000_files } from './Migration20261125040000_files.js';
import { Migration20261125050000_mail } from './Migration20261125050000_mail.js';
import { Migration20261125060000_extensions } from './Migration20261125060000_extensions.js';
import { Migration20261125070000_workflows } from './Migration20261125070000_workflows.js';

/**
 * Every migration, in order. Listed explicitly (not discovered by glob) so the same
 * list works under tsx, vitest and any bundler. Add new ones at the end.
 */
export const migrationsList = [
  { name: 'Migration20261125000000_identity', class: Migration20261125000000_identity },
  { name: 'Migration20261125010000_access', class: Migration20261125010000_access },
  { name: 'Migration20261125020000_email_verified', class: Migration20261125020000_email_verified },
  { name: 'Migration20261125030000_tools', class: Migration20261125030000_tools },
  { name: 'Migration20261125040000_files', class: Migration20261125040000_files },
  { name: 'Migration20261125050000_mail', class: Migration20261125050000_mail },
  { name: 'Migration20261125060000_extensions', class: Migration20261125060000_extensions },
  { name: 'Migration20261125070000_workflows', class: Migration20261125070000_workflows },
];
