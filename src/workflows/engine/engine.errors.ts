import { AppError } from '../../errors.js';

/** A node failed with the code of what it called (a tool's, an extension's, a CODE error…). */
export class NodeFailedError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

/** The run was stopped (stopWorkflowRun, or the server shutting down): nodes in flight end STOPPED. */
export class RunStoppedSignal extends Error {
  constructor(readonly why: 'STOPPED' | 'SHUTDOWN' | 'TIMEOUT' | 'FAILED_ELSEWHERE' | 'LOST') {
    super(`The run was stopped (${why})`);
  }
}

/** A node's try ran past its time limit. */
export class NodeTimeoutError extends AppError {
  readonly code = 'NODE_TIMEOUT';
}

/** A workflow started by a WORKFLOW tool inside a workflow, too deep. */
export class WorkflowDepthError extends AppError {
  readonly code = 'WORKFLOW_DEPTH_EXCEEDED';
}

/** Run-time values a node cannot work with (an ITERATION over a non-list, a bad URL…). */
export class NodeInputError extends AppError {
  readonly code = 'NODE_INPUT_INVALID';
}

/** A node failed (after its retries): the run, or the ITERATION holding it, fails with its error. */
export class NodeFailure extends Error {
  constructor(
    readonly nodeId: string,
    readonly error: { code: string; message: string },
  ) {
    super(`Node "${nodeId}" failed: ${error.message}`);
  }
}
