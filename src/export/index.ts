/**
 * Exports of the filtered view: GraphML and GEXF for graph tools, the data/ JSON files, and CSV
 * tables. Pure functions from graph to text; they run unchanged in Node and in the browser.
 */
export * from './graphml.js';
export * from './gexf.js';
export * from './json.js';
export * from './csv.js';
export * from './neo4j.js';
