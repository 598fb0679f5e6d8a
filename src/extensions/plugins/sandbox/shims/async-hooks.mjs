/**
 * What plugins get for `node:async_hooks`: context propagation, nothing that hands out
 * the raw resources (createHook, executionAsyncResource expose libuv handles such as the
 * IPC pipe to the gateway).
 */
import { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } from 'node:async_hooks';

export { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId };
export default Object.freeze({ AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId });
