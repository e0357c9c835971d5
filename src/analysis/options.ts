/** Checking numeric options of the analysis functions, with errors named after the module. */

/** The value when it is a whole number of at least `min`; otherwise a clear error. */
export function wholeNumberOption(module: string, name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`roundtrip/${module}: ${name} must be a whole number of at least ${min} (got ${String(value)})`);
  }
  return value;
}
