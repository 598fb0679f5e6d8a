import type { TemplateCopy } from './layout.js';

export interface WorkflowRunFinishedVariables {
  appName: string;
  runId: string;
  runUrl: string;
}

export interface WorkflowRunFailedVariables extends WorkflowRunFinishedVariables {
  /** The error the run stopped with; shown on one line, cut at 1000 characters. */
  error?: string;
}

export const workflowRunFinished: TemplateCopy<WorkflowRunFinishedVariables> = {
  en: ({ appName, runId, runUrl }) => ({
    subject: `Workflow run finished: ${appName}`,
    preheader: `Run ${runId} of ${appName} completed successfully.`,
    heading: 'Workflow run finished',
    paragraphs: [['The workflow run in ', { strong: appName }, ' completed successfully.']],
    facts: [
      { label: 'App', value: appName },
      { label: 'Run ID', value: runId, mono: true },
    ],
    action: { label: 'View run', url: runUrl },
  }),
  'zh-Hans': ({ appName, runId, runUrl }) => ({
    subject: `工作流运行完成：${appName}`,
    preheader: `${appName} 的运行 ${runId} 已成功完成。`,
    heading: '工作流运行完成',
    paragraphs: [[{ strong: appName }, ' 的工作流已成功运行完毕。']],
    facts: [
      { label: '应用', value: appName },
      { label: '运行 ID', value: runId, mono: true },
    ],
    action: { label: '查看运行详情', url: runUrl },
  }),
};

export const workflowRunFailed: TemplateCopy<WorkflowRunFailedVariables> = {
  en: ({ appName, runId, runUrl, error }) => ({
    subject: `Workflow run failed: ${appName}`,
    preheader: `Run ${runId} of ${appName} stopped with an error.`,
    heading: 'Workflow run failed',
    paragraphs: [['The workflow run in ', { strong: appName }, ' stopped with an error.'], ['Open the run to see which step failed, then try again.']],
    facts: [
      { label: 'App', value: appName },
      { label: 'Run ID', value: runId, mono: true },
      ...(error ? [{ label: 'Error', value: error, mono: true }] : []),
    ],
    action: { label: 'View run details', url: runUrl },
  }),
  'zh-Hans': ({ appName, runId, runUrl, error }) => ({
    subject: `工作流运行失败：${appName}`,
    preheader: `${appName} 的运行 ${runId} 出错中止。`,
    heading: '工作流运行失败',
    paragraphs: [[{ strong: appName }, ' 的工作流在运行中出错，已中止。'], ['打开运行详情，查看是哪一步出了问题，修复后可重新运行。']],
    facts: [
      { label: '应用', value: appName },
      { label: '运行 ID', value: runId, mono: true },
      ...(error ? [{ label: '错误信息', value: error, mono: true }] : []),
    ],
    action: { label: '查看运行详情', url: runUrl },
  }),
};
