import { Migration } from '@mikro-orm/migrations';

/**
 * Mail and the account flows that send it: one delivery record per message (the queue's
 * source of truth), workspace invitations, single-use account tokens (email verification,
 * password reset, sign-in links), and each user's language for the mail they receive.
 */
export class Migration20261125050000_mail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table users add column language varchar(16) not null default 'en';`);

    this.addSql(`create table mail_deliveries (
      id uuid primary key,
      workspace_id uuid null references workspaces(id) on delete cascade,
      template varchar(64) not null,
      language varchar(16) not null,
      recipient varchar(320) not null,
      subject text not null,
      status varchar(16) not null check (status in ('QUEUED','SENDING','RETRYING','SENT','FAILED')),
      attempts integer not null default 0,
      idempotency_key varchar(200) not null unique,
      payload text null,
      provider_message_id varchar(512) null,
      last_error text null,
      last_error_code varchar(64) null,
      next_attempt_at timestamptz null,
      claimed_until timestamptz null,
      sent_at timestamptz null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    this.addSql('create index mail_deliveries_workspace_page_idx on mail_deliveries (workspace_id, created_at, id);');
    this.addSql('create index mail_deliveries_recipient_recent_idx on mail_deliveries (recipient, created_at);');
    this.addSql(`create index mail_deliveries_unfinished_idx on mail_deliveries (status) where status in ('QUEUED','SENDING','RETRYING');`);

    this.addSql(`create table invitations (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email varchar(320) not null,
      role varchar(16) not null,
      language varchar(16) not null,
      token_hash varchar(64) not null unique,
      invited_by uuid null references users(id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz null,
      accepted_by uuid null references users(id) on delete set null,
      revoked_at timestamptz null,
      created_at timestamptz not null
    );`);
    this.addSql('create index invitations_workspace_page_idx on invitations (workspace_id, created_at, id);');
    // One open invitation per address and workspace: inviting again replaces it.
    this.addSql('create unique index invitations_open_idx on invitations (workspace_id, email) where accepted_at is null and revoked_at is null;');

    this.addSql(`create table account_tokens (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      purpose varchar(32) not null check (purpose in ('VERIFY_EMAIL','RESET_PASSWORD','SIGN_IN')),
      email varchar(320) not null,
      token_hash varchar(64) not null unique,
      expires_at timestamptz not null,
      used_at timestamptz null,
      created_at timestamptz not null
    );`);
    this.addSql('create index account_tokens_user_idx on account_tokens (user_id, purpose) where used_at is null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists account_tokens;');
    this.addSql('drop table if exists invitations;');
    this.addSql('drop table if exists mail_deliveries;');
    this.addSql('alter table users drop column if exists language;');
  }
}
