import { Migration } from '@mikro-orm/migrations';

/** Whether a user's email was ever proven theirs: only such accounts are linked to an OAuth identity by email. */
export class Migration20261125020000_email_verified extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table users add column email_verified boolean not null default false;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table users drop column if exists email_verified;');
  }
}
