import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const APP_MODES = ['WORKFLOW', 'CHAT', 'COMPLETION', 'AGENT'] as const;
export type AppMode = (typeof APP_MODES)[number];

export class App {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'description' | 'icon' | 'config';
  id: string = randomUUID();
  workspaceId!: string;
  name!: string;
  description = '';
  mode!: AppMode;
  icon: string | null = null;
  /** Validated per mode by app-config.ts. */
  config: Record<string, unknown> = {};
  createdBy!: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const AppSchema = new EntitySchema<App>({
  class: App,
  tableName: 'apps',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    name: { type: 'string' },
    description: { type: 'string' },
    mode: { type: 'string' },
    icon: { type: 'string', nullable: true },
    config: { type: 'json' },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const appEntities = [AppSchema];
