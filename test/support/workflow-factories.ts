import { graphql } from '../__generated__/index.js';
import { execute } from './client.js';

export const SaveDraft = graphql(`
  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {
    saveWorkflowDraft(input: $input) {
      version {
        id
        version
        isDraft
        nodes {
          id
          type
        }
        inputs {
          name
          type
          required
        }
      }
    }
  }
`);

export const Publish = graphql(`
  mutation PublishWorkflow($input: PublishWorkflowInput!) {
    publishWorkflow(input: $input) {
      version {
        id
        version
        isDraft
      }
    }
  }
`);

export const RunWorkflow = graphql(`
  mutation RunWorkflow($input: RunWorkflowInput!) {
    runWorkflow(input: $input) {
      run {
        id
        status
        outputs
        error {
          code
          message
        }
      }
    }
  }
`);

export const StopRun = graphql(`
  mutation StopWorkflowRun($input: StopWorkflowRunInput!) {
    stopWorkflowRun(input: $input) {
      run {
        id
        status
      }
    }
  }
`);

export const GetRun = graphql(`
  query GetWorkflowRun($id: ID!) {
    workflowRun(id: $id) {
      id
      status
      version
      inputs
      outputs
      depth
      parentRunId
      error {
        code
        message
      }
      startedAt
      finishedAt
      nodeExecutions(first: 100) {
        totalCount
        edges {
          node {
            nodeId
            nodeType
            status
            attempts
            iterationIndex
            inputs
            outputs
            startedAt
            finishedAt
            durationMs
            error {
              code
              message
            }
          }
        }
      }
    }
  }
`);

export const ListRuns = graphql(`
  query ListWorkflowRuns($filter: WorkflowRunFilter, $first: Int) {
    workflowRuns(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          depth
          parentRunId
          createdAt
        }
      }
    }
  }
`);

export const ListRunsAfter = graphql(`
  query ListWorkflowRunsAfter($filter: WorkflowRunFilter, $first: Int, $after: String) {
    workflowRuns(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const FollowRun = graphql(`
  subscription FollowWorkflowRun($id: ID!, $afterSequence: Int) {
    workflowRun(id: $id, afterSequence: $afterSequence) {
      __typename
      type
      sequence
      at
      runId
      ... on WorkflowNodeStarted {
        nodeId
        nodeType
        iterationIndex
      }
      ... on WorkflowNodeFinished {
        nodeId
        nodeType
        status
        outputs
        durationMs
        attempts
        iterationIndex
        error {
          code
          message
        }
      }
      ... on WorkflowTextChunk {
        nodeId
        text
      }
      ... on WorkflowRunFinished {
        runOutputs: outputs
      }
      ... on WorkflowRunFailed {
        runError: error {
          code
          message
        }
      }
    }
  }
`);

export const RunAndFollow = graphql(`
  subscription RunAndFollowWorkflow($input: RunWorkflowInput!) {
    runWorkflow(input: $input) {
      __typename
      type
      sequence
      runId
      ... on WorkflowNodeFinished {
        nodeId
        status
        outputs
      }
      ... on WorkflowRunFinished {
        runOutputs: outputs
      }
    }
  }
`);

export const CreateWorkflowTool = graphql(`
  mutation CreateWorkflowTool($input: CreateWorkflowToolProviderInput!) {
    createWorkflowToolProvider(input: $input) {
      provider {
        id
        kind
        tools {
          id
          name
          parameters {
            name
            type
            required
          }
        }
      }
    }
  }
`);

/** Saves `graph` as the app's draft and publishes it. */
export async function publishGraph(url: string, token: string, appId: string, graph: unknown) {
  await execute(url, SaveDraft, { input: { appId, graph } }, { token });
  return (await execute(url, Publish, { input: { appId } }, { token })).publishWorkflow.version;
}

/** Starts a run and returns its ID. */
export async function startRun(url: string, token: string, appId: string, inputs: unknown = {}) {
  return (await execute(url, RunWorkflow, { input: { appId, inputs } }, { token })).runWorkflow.run.id;
}

export const CreateExtensionForWorkflow = graphql(`
  mutation CreateExtensionForWorkflow($input: CreateApiExtensionInput!) {
    createApiExtension(input: $input) {
      extension {
        id
      }
    }
  }
`);

/** START → one TOOL node calling `toolId` → END with `outputs`: e.g. a run that waits on the test backend's /hang. */
export function singleToolGraph(toolId: string, nodeId = 'wait', outputs: Record<string, unknown> = {}) {
  return {
    nodes: [
      { id: 'start', type: 'START', data: { inputs: [] } },
      { id: nodeId, type: 'TOOL', data: { toolId, parameters: {} } },
      { id: 'end', type: 'END', data: { outputs } },
    ],
    edges: [
      { source: 'start', target: nodeId },
      { source: nodeId, target: 'end' },
    ],
  };
}
