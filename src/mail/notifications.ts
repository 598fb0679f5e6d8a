import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKey } from '../identity/identity.entities.js';
import type { Logger } from '../logger.js';
import type { MailService } from './mail.service.js';

/** Owners and admins told about a new key: enough people to notice a rogue key, bounded for huge workspaces. */
const MAX_NOTIFIED = 50;

/**
 * Security notices to a workspace's owners and admins. They never fail the action that
 * caused them: a send limit drops them, an error is logged.
 */
export class Notifications {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    private readonly log: Logger,
  ) {}

  async apiKeyCreated(key: ApiKey, createdBy: { name: string }): Promise<void> {
    let rows: { id: string; email: string; name: string; language: string; workspace: string }[];
    try {
      rows = await this.em.getConnection().execute(
        `select u.id, u.email, u.name, u.language, w.name as workspace
           from memberships m join users u on u.id = m.user_id join workspaces w on w.id = m.workspace_id
          where m.workspace_id = ? and m.role in ('OWNER', 'ADMIN')
          order by m.created_at limit ?`,
        [key.workspaceId, MAX_NOTIFIED],
      );
    } catch (error) {
      this.log.warn({ apiKeyId: key.id, err: { message: (error as Error).message } }, 'API key notice not queued');
      return;
    }
    // One by one: an address the mailer refuses must not cost the others their notice.
    for (const row of rows) {
      try {
        await this.mail.send(
          [
            {
              template: 'api_key_created',
              to: { email: row.email, name: row.name },
              language: row.language,
              variables: { keyName: key.name, prefix: key.prefix, workspace: row.workspace, createdBy: createdBy.name },
              workspaceId: key.workspaceId,
              idempotencyKey: `api_key_created:${key.id}:${row.id}`,
            },
          ],
          'drop',
        );
      } catch (error) {
        this.log.warn({ apiKeyId: key.id, userId: row.id, err: { message: (error as Error).message } }, 'API key notice not queued');
      }
    }
  }
}
