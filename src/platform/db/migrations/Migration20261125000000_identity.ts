import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table users (
      id uuid primary key,
      email varchar(320) not null unique,
      name varchar(200) not null,
      password_hash varchar(255) null,
      created_at timestamptz not null
    );`);
    this.addSql(`create table workspaces (
      id uuid primary key,
      name varchar(200) not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    this.addSql(`create table memberships (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role varchar(16) not null check (role in ('OWNER','ADMIN','EDITOR','MEMBER')),
      created_at timestamptz not null,
      unique (workspace_id, user_id)
    );`);
    this.addSql(`create index memberships_user_id_idx on memberships (user_id);`);
    this.addSql(`create table sessions (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      token_hash varchar(64) not null unique,
      expires_at timestamptz not null,
      revoked_at timestamptz null,
      created_at timestamptz not null
    );`);
    this.addSql(`create index sessions_user_id_idx on sessions (user_id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists sessions;');
    this.addSql('drop table if exists memberships;');
    this.addSql('drop table if exists workspaces;');
    this.addSql('drop table if exists users;');
  }
}
