// Modules that only define things, though rollup sees a top-level effect (js-cookie's init call;
// the event class's static name): the script-tag builds (rollup.config.js) and the per-module
// byte count (bench/modules.js) tree-shake them away where nothing uses them, so they do not ride
// along in every bundle that imports store.ts or decisions.ts, such as the gate.
import path from 'node:path';

const DEFINE_ONLY = [`${path.sep}js-cookie${path.sep}`, path.join('src', 'consent', 'before-change-event.ts')];

/** rollup's `treeshake.moduleSideEffects` for the script-tag builds. */
export const moduleSideEffects = (id) => !DEFINE_ONLY.some((part) => id.includes(part));
