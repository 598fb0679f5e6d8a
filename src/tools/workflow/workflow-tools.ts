/**
 * WORKFLOW tool providers: a published workflow app offered as one tool. Its parameters are
 * the START node's inputs; a call runs the latest published version (a child run, recorded
 * like any run) and answers with the run's outputs. The workflows domain implements the
 * host; runs nest at most PLUGBOARD_WORKFLOW_MAX_DEPTH deep, so workflows cannot recurse forever.
 */
import { AppError } from '../../errors.js';
import type { Tool, ToolInvocation, ToolMessage, ToolParameter, ToolProvider } from '../tool.types.js';

/** What a WORKFLOW provider row stores. */
export interface WorkflowProviderDefinition {
  workflow: {
    appId: string;
    toolName: string;
    description: string;
    /** From the published START node; refreshed at each publish. */
    parameters: ToolParameter[];
  };
}

/** Runs the workflow of a WORKFLOW tool; implemented by the workflows domain. */
export interface WorkflowToolHost {
  run(definition: WorkflowProviderDefinition, invocation: ToolInvocation): AsyncIterable<ToolMessage>;
}

class WorkflowsUnavailableError extends AppError {
  readonly code = 'WORKFLOWS_UNAVAILABLE';
}

export function isWorkflowDefinition(definition: object): definition is WorkflowProviderDefinition {
  return 'workflow' in definition;
}

export function workflowToolProvider(definition: WorkflowProviderDefinition, host: WorkflowToolHost | undefined): ToolProvider {
  const tool: Tool = {
    definition: { name: definition.workflow.toolName, description: definition.workflow.description, parameters: definition.workflow.parameters },
    invoke: (invocation) => {
      if (!host) throw new WorkflowsUnavailableError('Workflows do not run on this server');
      return host.run(definition, invocation);
    },
  };
  return { kind: 'WORKFLOW', tools: () => [tool] };
}
