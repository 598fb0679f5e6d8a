/**
 * The worker thread math-sandbox.ts runs expressions in: one job at a time, answered in order.
 * Says `ready` once mathjs is loaded and warmed up, so job time limits exclude start-up.
 */
import { parentPort } from 'node:worker_threads';
import { createMathEvaluator, type MathJob } from './math-engine.js';

const port = parentPort;
if (!port) throw new Error('math.worker must run in a worker thread');

const evaluate = createMathEvaluator();
// The first evaluation builds mathjs' lazily created functions: do it before taking jobs.
evaluate({ expression: 'sqrt(16) + [1, 2] * 2', variables: {} });

port.on('message', (job: MathJob) => {
  port.postMessage(evaluate(job));
});
port.postMessage({ type: 'ready' });
