/**
 * What plugins get for `node:module`: createRequire (its require goes through the same
 * built-in policy) and the built-in list; not register/registerHooks, which would let a
 * plugin resolve modules ahead of the sandbox's own hook.
 */
import Module from 'node:module';

export const createRequire = Module.createRequire;
export const isBuiltin = Module.isBuiltin;
export const builtinModules = Object.freeze([...Module.builtinModules]);
export default Object.freeze({ createRequire, isBuiltin, builtinModules });
