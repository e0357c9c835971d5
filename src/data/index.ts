export * from './types.js';
export * from './problem.js';
export * from './dates.js';
export * from './validate.js';
export * from './load.js';
export { parseJsonText } from './json-text.js';
export * from './money.js';
