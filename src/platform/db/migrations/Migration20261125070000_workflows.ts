import { Migration } from '@mikro-orm/migrations';

/**
 * Workflows: the graph versions of WORKFLOW apps (one editable draft, numbered published
 * snapshots), their runs, each node's execution, and each run's event log (what late
 * subscribers replay before live events).
 */
export class Migration20261125070000_workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table workflow_versions (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      app_id uuid not null references apps(id) on delete cascade,
      version integer not null check (version >= 0),
      graph jsonb not null,
      created_by uuid null references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );`);
    // version 0 is the draft; published versions count from 1.
    this.addSql('create unique index workflow_versions_app_version_idx on workflow_versions (app_id, version);');

    this.addSql(`create table workflow_runs (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      app_id uuid not null references apps(id) on delete cascade,
      version integer not null,
      graph jsonb not null,
      status varchar(16) not null check (status in ('QUEUED','RUNNING','SUCCEEDED','FAILED','STOPPED')),
      inputs jsonb not null,
      outputs jsonb null,
      error_code varchar(64) null,
      error_message text null,
      depth integer not null default 0,
      parent_run_id uuid null references workflow_runs(id) on delete set null,
      user_id uuid null references users(id) on delete set null,
      api_key_id uuid null references api_keys(id) on delete set null,
      stop_requested boolean not null default false,
      worker_id text null,
      heartbeat_at timestamptz null,
      created_at timestamptz not null,
      -- When its job was last sent: a run QUEUED long after that lost its job, and is sent again.
      enqueued_at timestamptz not null,
      started_at timestamptz null,
      finished_at timestamptz null
    );`);
    this.addSql('create index workflow_runs_page_idx on workflow_runs (workspace_id, created_at, id);');
    this.addSql(`create index workflow_runs_active_idx on workflow_runs (app_id) where status in ('QUEUED','RUNNING');`);
    this.addSql(`create index workflow_runs_heartbeat_idx on workflow_runs (heartbeat_at) where status = 'RUNNING';`);
    this.addSql(`create index workflow_runs_queued_idx on workflow_runs (enqueued_at) where status = 'QUEUED';`);

    this.addSql(`create table workflow_node_executions (
      id uuid primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      run_id uuid not null references workflow_runs(id) on delete cascade,
      node_id varchar(64) not null,
      node_type varchar(32) not null,
      title varchar(200) null,
      iteration_id varchar(64) null,
      iteration_index integer null,
      status varchar(16) not null check (status in ('RUNNING','SUCCEEDED','FAILED','STOPPED')),
      attempts integer not null default 1,
      inputs jsonb null,
      outputs jsonb null,
      error_code varchar(64) null,
      error_message text null,
      created_at timestamptz not null,
      finished_at timestamptz null,
      duration_ms integer null
    );`);
    this.addSql('create index workflow_node_executions_run_idx on workflow_node_executions (run_id, created_at, id);');

    this.addSql(`create table workflow_run_events (
      run_id uuid not null references workflow_runs(id) on delete cascade,
      sequence integer not null,
      type varchar(32) not null,
      payload jsonb not null,
      created_at timestamptz not null,
      primary key (run_id, sequence)
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists workflow_run_events;');
    this.addSql('drop table if exists workflow_node_executions;');
    this.addSql('drop table if exists workflow_runs;');
    this.addSql('drop table if exists workflow_versions;');
  }
}
