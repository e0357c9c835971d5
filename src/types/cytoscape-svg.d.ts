declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const svg: cytoscape.Ext;
  export default svg;
}
