export * from './graph.js';
export * from './filter.js';
export * from './collapse.js';
export * from './summary.js';
export * from './amounts.js';
