import { Migration } from '@mikro-orm/migrations';

/** Access: sign-in lockout, current workspace per session, OAuth identities, apps and API keys. */
export class Migration20261125010000_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table users
      add column failed_sign_ins int not null default 0,
      add column locked_until timestamptz null;`);
    this.addSql(`alter table sessions
      add column current_workspace_id uuid null references workspaces(id) on delete set null;`);
    this.addSql(`create table oauth_accounts (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      provider varchar(64) not null,
      subject varchar(255) not null,
      created_at timestamptz not null,
      unique (provider, subject)
    );`);
    this.addSql(`create index oauth_accounts_user_id_idx on oauth_accounts (user_id);`);
    this.addSql(`create table apps (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name varchar(100) not null,
      description varchar(2000) not null default '',
      mode varchar(16) not null check (mode in ('WORKFLOW','CHAT','COMPLETION','AGENT')),
      icon varchar(64) null,
      config jsonb not null default '{}',
      created_by uuid null references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    this.addSql(`create index apps_workspace_page_idx on apps (workspace_id, created_at, id);`);
    this.addSql(`create table api_keys (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      app_id uuid null references apps(id) on delete cascade,
      created_by uuid null references users(id) on delete set null,
      name varchar(100) not null,
      prefix varchar(16) not null,
      key_hash varchar(64) not null unique,
      role varchar(16) not null check (role in ('OWNER','ADMIN','EDITOR','MEMBER')),
      created_at timestamptz not null,
      last_used_at timestamptz null,
      revoked_at timestamptz null
    );`);
    this.addSql(`create index api_keys_workspace_page_idx on api_keys (workspace_id, created_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists api_keys;');
    this.addSql('drop table if exists apps;');
    this.addSql('drop table if exists oauth_accounts;');
    this.addSql('alter table sessions drop column if exists current_workspace_id;');
    this.addSql('alter table users drop column if exists failed_sign_ins, drop column if exists locked_until;');
  }
}
