/**
 * plugboard-code-runner: the built-in `tool` plugin behind workflow CODE nodes. The gateway
 * registers it once per workspace (src/workflows/code/code-runner.ts), so it runs in the
 * ordinary plugin sandbox (own process, empty env, permission model, import allow-list, no
 * fetch, heap limit, call timeout) and one workspace's snippets never share a process with
 * another's.
 *
 * A snippet is compiled with the Function constructor: its code runs in the global scope,
 * so it sees the standard globals but not this module's scope nor the call's `ctx` (it is
 * strict code, so no `caller` tricks either). On top of the sandbox, this process is locked
 * down further at load, because a snippet is a pure inputs → outputs function and needs
 * none of what a plugin may use:
 *
 * - no modules: a snippet whose text contains the word `import` is refused (the only way
 *   to write a dynamic import(); it cannot be spelled with escapes), and
 *   process.getBuiltinModule is removed;
 * - no code generation from strings once loaded: eval, Function and the async/generator
 *   Function constructors throw, so a snippet cannot assemble an `import` at run time.
 *   This module keeps the real constructor for itself (captured before any snippet runs).
 *
 * What snippets of the SAME workspace do share: the process and its globals
 * (globalThis.x set by one run is visible to the next, until the process is restarted or
 * stopped when idle). Each call re-runs the snippet's top-level code, so its own `let`s
 * start fresh every time.
 */

// Captured before any snippet runs: snippets may replace the prototypes' methods later.
const FunctionConstructor = Function;
const FunctionPrototype = Function.prototype;
const uncurryThis = FunctionPrototype.bind.bind(FunctionPrototype.call);
const RegExpExec = uncurryThis(RegExp.prototype.exec);
const MapGet = uncurryThis(Map.prototype.get);
const MapSet = uncurryThis(Map.prototype.set);
const MapDelete = uncurryThis(Map.prototype.delete);
const MapKeys = uncurryThis(Map.prototype.keys);
const MapIteratorNext = uncurryThis(Object.getPrototypeOf(new Map().keys()).next);
const MapSize = uncurryThis(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get);
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectPrototype = Object.prototype;
const ArrayIsArray = Array.isArray;
const ErrorConstructor = Error;

const MAX_COMPILED = 100;
/** The keyword `import` as a token: not part of a longer identifier. Also matches it in strings and comments (refused too: a false positive only costs a rename). */
const IMPORT_KEYWORD = /(?<![\p{ID_Continue}$\u200c\u200d])import(?![\p{ID_Continue}$\u200c\u200d])/u;

function locked(name, message) {
  const refused = function () {
    throw new EvalError(message);
  };
  ObjectDefineProperty(refused, 'name', { value: name });
  return refused;
}

/** Closes every route to compiling a string: the constructors are only reachable through these properties. */
function closeCodeGeneration() {
  const message = 'Code nodes cannot compile code from strings (eval, Function)';
  const refused = locked('Function', message);
  // Keeps `fn instanceof Function` working in snippets.
  refused.prototype = FunctionPrototype;
  const frozen = (value) => ({ value, writable: false, configurable: false, enumerable: false });
  const constructors = [
    FunctionConstructor,
    ObjectGetPrototypeOf(async function () {}).constructor,
    ObjectGetPrototypeOf(function* () {}).constructor,
    ObjectGetPrototypeOf(async function* () {}).constructor,
  ];
  for (const constructor of constructors) ObjectDefineProperty(constructor.prototype, 'constructor', frozen(refused));
  ObjectDefineProperty(globalThis, 'Function', frozen(refused));
  ObjectDefineProperty(globalThis, 'eval', frozen(locked('eval', message)));
}

function closeModules() {
  // The sandbox gates it by its plugin allow-list (fs, crypto…); snippets get none of it.
  ObjectDefineProperty(process, 'getBuiltinModule', {
    value: locked('getBuiltinModule', 'Code nodes cannot load modules'),
    writable: false,
    configurable: false,
  });
}

closeCodeGeneration();
closeModules();

/** Least recently used first: a Map iterates in insertion order, and a hit re-inserts. */
const compiled = new Map();

function compile(code) {
  if (RegExpExec(IMPORT_KEYWORD, code) !== null) {
    throw new ErrorConstructor('Code nodes cannot import modules: the word "import" is not allowed in the code (not even in strings or comments)');
  }
  try {
    return new FunctionConstructor(`"use strict";\n${code}\n;return typeof main === "function" ? main : undefined;`);
  } catch (err) {
    throw new ErrorConstructor(`The code does not compile: ${messageOf(err)}`);
  }
}

function factoryFor(code) {
  let factory = MapGet(compiled, code);
  if (factory !== undefined) {
    MapDelete(compiled, code);
  } else {
    factory = compile(code);
    if (MapSize(compiled) >= MAX_COMPILED) MapDelete(compiled, MapIteratorNext(MapKeys(compiled)).value);
  }
  MapSet(compiled, code, factory);
  return factory;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) return false;
  const prototype = ObjectGetPrototypeOf(value);
  return prototype === ObjectPrototype || prototype === null;
}

function messageOf(err) {
  try {
    if (err instanceof ErrorConstructor && typeof err.message === 'string') return err.message;
    if (typeof err === 'string') return err;
  } catch {
    // A hostile getter: fall through.
  }
  return 'a value that is not an Error';
}

export const tools = {
  async run({ code, inputs }) {
    if (typeof code !== 'string') throw new ErrorConstructor('code must be a string');
    if (!isPlainObject(inputs)) throw new ErrorConstructor('inputs must be an object');
    const factory = factoryFor(code);
    let result;
    try {
      // Runs the snippet's top level (fresh on every call) and hands back its main.
      const main = factory();
      if (typeof main !== 'function') throw new ErrorConstructor('The code must define function main(inputs)');
      result = await main(inputs);
    } catch (err) {
      // `throw 'text'` or `throw { … }` still reaches the caller as a message.
      throw err instanceof ErrorConstructor ? err : new ErrorConstructor(`main threw ${messageOf(err)}`);
    }
    if (!isPlainObject(result)) throw new ErrorConstructor('main must return an object');
    return { type: 'JSON', json: result };
  },
};
