import { Migration } from '@mikro-orm/migrations';

/**
 * Extensions: per-workspace registrations of an extension point (moderation, external data
 * tool, tool) backed by an API endpoint (Dify's API-based extension protocol) or by an
 * installed code plugin; every execution recorded; the plugins installed on this server.
 */
export class Migration20261125060000_extensions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table extensions (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name varchar(100) not null,
      description text not null default '',
      module varchar(32) not null check (module in ('moderation','external_data_tool','tool')),
      kind varchar(8) not null check (kind in ('API','CODE')),
      endpoint varchar(2048) null,
      api_key_sealed text null,
      plugin_name varchar(64) null,
      config jsonb not null default '{}',
      config_secrets_sealed text null,
      enabled boolean not null default true,
      created_by uuid null references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    this.addSql('create unique index extensions_workspace_name_idx on extensions (workspace_id, lower(name));');
    this.addSql('create index extensions_workspace_page_idx on extensions (workspace_id, created_at, id);');

    this.addSql(`create table extension_executions (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      extension_id uuid not null references extensions(id) on delete cascade,
      point varchar(64) not null,
      status varchar(16) not null check (status in ('SUCCEEDED','FAILED')),
      error_code varchar(64) null,
      duration_ms integer not null,
      user_id uuid null references users(id) on delete set null,
      api_key_id uuid null references api_keys(id) on delete set null,
      created_at timestamptz not null
    );`);
    this.addSql('create index extension_executions_page_idx on extension_executions (workspace_id, created_at, id);');
    this.addSql('create index extension_executions_extension_idx on extension_executions (extension_id, created_at);');

    this.addSql(`create table plugins (
      name varchar(64) primary key,
      version varchar(256) not null,
      manifest jsonb not null,
      dir varchar(2048) not null,
      source varchar(16) not null check (source in ('DISCOVERED','UPLOADED','PATH')),
      installed_by uuid null references users(id) on delete set null,
      installed_at timestamptz not null,
      updated_at timestamptz not null
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists plugins;');
    this.addSql('drop table if exists extension_executions;');
    this.addSql('drop table if exists extensions;');
  }
}
