/** A module worker for a script served next to the app bundle, or null where workers cannot run. */
export function newModuleWorker(url: string): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(url, { type: 'module' });
  } catch {
    return null;
  }
}
