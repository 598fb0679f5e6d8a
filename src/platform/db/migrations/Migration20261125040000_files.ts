import { Migration } from '@mikro-orm/migrations';

/** Files: one record per stored object, per workspace. */
export class Migration20261125040000_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table files (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name varchar(255) not null,
      size bigint not null default 0,
      mime_type varchar(255) not null,
      sha256 varchar(64) not null default '',
      storage_key varchar(1024) not null unique,
      purpose varchar(32) not null,
      status varchar(16) not null check (status in ('PENDING','READY','DELETING')),
      created_by uuid null references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    this.addSql(`create index files_workspace_page_idx on files (workspace_id, created_at, id) where status = 'READY';`);
    this.addSql(`create index files_unfinished_idx on files (status, updated_at) where status <> 'READY';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists files;');
  }
}
