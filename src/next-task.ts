/**
 * Resolves in a later task, so the main thread can draw and answer input in between: the script
 * tag's first visit (take over, validate, run the gate, draw the banner) is cut into tasks that
 * each stay short on a slow laptop. The callback is ours (not `resolve` itself), so the browser
 * attributes the task's time to consent-gate's file.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(() => resolve()));
