/**
 * Runs `fn` once the current frame is on screen: in a task after the next animation frame, so work
 * started now does not hold that frame back. Without animation frames (tests), in the next task.
 */
export function afterThisFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}
