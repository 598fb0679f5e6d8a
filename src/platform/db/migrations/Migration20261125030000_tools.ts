import { Migration } from '@mikro-orm/migrations';

/** Tools: providers per workspace (imported APIs, later plugins and workflows) and the record of every call. */
export class Migration20261125030000_tools extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table tool_providers (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind varchar(16) not null check (kind in ('API','WORKFLOW','PLUGIN')),
      name varchar(100) not null,
      description varchar(2000) not null default '',
      icon varchar(64) null,
      tags jsonb not null default '[]',
      definition jsonb not null,
      document text null,
      credentials_sealed text null,
      connect_timeout_ms int null,
      total_timeout_ms int null,
      visibility varchar(16) not null default 'PRIVATE' check (visibility in ('PRIVATE','PUBLISHED')),
      published_at timestamptz null,
      install_count int not null default 0,
      source_provider_id uuid null references tool_providers(id) on delete set null,
      created_by uuid null references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (workspace_id, name)
    );`);
    this.addSql(`create index tool_providers_workspace_page_idx on tool_providers (workspace_id, created_at, id);`);
    this.addSql(`create index tool_providers_published_idx on tool_providers (published_at, id) where visibility = 'PUBLISHED';`);
    this.addSql(`create table tool_invocations (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      provider_id uuid null references tool_providers(id) on delete set null,
      tool_id varchar(300) not null,
      tool_name varchar(128) not null,
      user_id uuid null references users(id) on delete set null,
      api_key_id uuid null references api_keys(id) on delete set null,
      status varchar(16) not null check (status in ('SUCCEEDED','FAILED','CANCELLED','TIMED_OUT')),
      error_code varchar(64) null,
      error_message varchar(500) null,
      message_count int not null,
      duration_ms int not null,
      created_at timestamptz not null
    );`);
    this.addSql(`create index tool_invocations_workspace_page_idx on tool_invocations (workspace_id, created_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists tool_invocations;');
    this.addSql('drop table if exists tool_providers;');
  }
}
