import type { TemplateCopy } from './layout.js';

export interface ApiKeyCreatedVariables {
  keyName: string;
  /** The key's public prefix (e.g. `pb_3kf9`), never the key itself. */
  prefix: string;
  workspace: string;
  /** Who created it (a display name). */
  createdBy: string;
}

export const apiKeyCreated: TemplateCopy<ApiKeyCreatedVariables> = {
  en: ({ keyName, prefix, workspace, createdBy }, { brand }) => ({
    subject: `New API key created in ${workspace}`,
    preheader: `${createdBy} created the API key “${keyName}”.`,
    heading: 'A new API key was created',
    paragraphs: [[{ strong: createdBy }, ' created a new API key in the ', { strong: workspace }, ` workspace on ${brand.productName}.`]],
    facts: [
      { label: 'Name', value: keyName },
      { label: 'Key prefix', value: `${prefix}…`, mono: true },
      { label: 'Workspace', value: workspace },
      { label: 'Created by', value: createdBy },
    ],
    notes: ['If you don’t recognize this key, revoke it in the workspace settings right away.'],
  }),
  'zh-Hans': ({ keyName, prefix, workspace, createdBy }, { brand }) => ({
    subject: `工作空间“${workspace}”新建了 API 密钥`,
    preheader: `${createdBy} 创建了 API 密钥“${keyName}”。`,
    heading: '新的 API 密钥已创建',
    paragraphs: [[{ strong: createdBy }, ` 在 ${brand.productName} 的工作空间“`, { strong: workspace }, '”中创建了一个新的 API 密钥。']],
    facts: [
      { label: '名称', value: keyName },
      { label: '密钥前缀', value: `${prefix}…`, mono: true },
      { label: '工作空间', value: workspace },
      { label: '创建者', value: createdBy },
    ],
    notes: ['如果你不认识这个密钥，请立即在工作空间设置中将其撤销。'],
  }),
};
