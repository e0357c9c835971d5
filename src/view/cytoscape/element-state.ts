/**
 * What the view state asks of each drawn element, applied to Cytoscape: which firms and deals are
 * shown, sizes, widths, deals moved to an acquirer, highlights and hop labels, a scenario's
 * distress, the selection, and dragged firms. It remembers what it set, so each change touches only
 * the elements whose state changes: every class change makes Cytoscape restyle the element, which
 * dominates the cost of a filter change on thousands of deals.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Highlight } from '../../state/derive.js';
import type { MovedFirm } from '../../state/view-state.js';
import { distressColor } from '../distress-scale.js';
import type { GraphElements } from '../elements.js';
import type { Positions } from '../../layout/layout.js';
import type { LoopStep } from './rt-graph.js';

/** Highlighted deals that carry their amount on the picture; past this, only the panels and hovering show them. */
export const LABELLED_DEALS_AT_MOST = 12;

/** What the graph element is asked to show (its properties). */
export interface DrawnView {
  readonly elements: GraphElements | null;
  readonly visibleNodes: ReadonlySet<string> | null;
  readonly visibleEdges: ReadonlySet<string> | null;
  readonly endpoints: ReadonlyMap<string, { source: string; target: string }> | null;
  readonly edgeWidths: ReadonlyMap<string, number> | null;
  readonly sizes: ReadonlyMap<string, number> | null;
  readonly highlight: Highlight | null;
  readonly loopSteps: ReadonlyMap<string, LoopStep> | null;
  readonly selectedFirm: string | null;
  readonly selectedDeal: string | null;
  readonly dark: boolean;
  readonly distress: ReadonlyMap<string, number> | null;
  readonly moved: readonly MovedFirm[];
}

export class ElementState {
  /** Ids of the firms and deals the filters hide (drawn with `display: none`). */
  private readonly hiddenIds = new Set<string>();
  /** Whether some element carries the highlighted or dimmed class. */
  private highlightShown = false;
  /** Deals labelled with their step in the shown loop. */
  private readonly steppedIds = new Set<string>();
  /** Whether some firm is coloured by a scenario's distress. */
  private distressShown = false;
  /** Where the layout put each firm, to go back to when a move is undone. */
  private layoutPositions: Positions = {};
  /** Firms drawn where the analyst dropped them. */
  private readonly movedShown = new Set<string>();

  constructor(private readonly view: DrawnView) {}

  /** New elements were added at these positions: nothing is set on them yet. */
  reset(positions: Positions = {}): void {
    this.hiddenIds.clear();
    this.steppedIds.clear();
    this.movedShown.clear();
    this.highlightShown = false;
    this.distressShown = false;
    this.layoutPositions = positions;
  }

  isHidden(id: string): boolean {
    return this.hiddenIds.has(id);
  }

  /** The analyst dropped this firm (its place is the view state's from now on). */
  dropped(id: string): void {
    this.movedShown.add(id);
  }

  /** Draws the moved firms where they were dropped, and the others back at the layout's place. */
  applyMoved(cy: Core): void {
    const wanted = new Map(this.view.moved.map((m) => [m.firm, m]));
    for (const id of this.movedShown) {
      if (wanted.has(id)) continue;
      this.movedShown.delete(id);
      const home = Object.hasOwn(this.layoutPositions, id) ? this.layoutPositions[id] : undefined;
      const node = cy.getElementById(id);
      if (home && node.nonempty()) node.position({ ...home });
    }
    for (const [id, m] of wanted) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      this.movedShown.add(id);
      const now = node.position();
      if (now.x !== m.x || now.y !== m.y) node.position({ x: m.x, y: m.y });
    }
  }

  /** Sets everything on freshly added elements. */
  applyAll(cy: Core): void {
    this.applyEndpoints(cy);
    this.applyVisibility(cy);
    this.applySizes(cy);
    this.applyWidths(cy);
    this.applyHighlight(cy);
    this.applySelection(cy);
    this.applyDistress(cy);
    this.applyMoved(cy);
  }

  /*
   * The apply* methods only touch elements whose state changes: every class change makes Cytoscape
   * restyle the element, which dominates the cost of a filter change on thousands of deals.
   */

  /**
   * Hides what the filters leave out by setting `display: none` on the element alone: a class
   * would restyle every property of each of the thousands of deals a filter can switch.
   */
  applyVisibility(cy: Core): void {
    const nodes = this.view.visibleNodes;
    const edges = this.view.visibleEdges;
    const show = (element: NodeSingular | EdgeSingular, hidden: boolean): void => {
      const id = element.id();
      if (this.hiddenIds.has(id) === hidden) return;
      if (hidden) {
        this.hiddenIds.add(id);
        element.style('display', 'none');
      } else {
        this.hiddenIds.delete(id);
        element.removeStyle('display');
      }
    };
    cy.nodes().forEach((node) => show(node, nodes !== null && !nodes.has(node.id())));
    cy.edges().forEach((edge) => show(edge, edges !== null && !edges.has(edge.id())));
  }

  applySizes(cy: Core): void {
    const sizes = this.view.sizes;
    if (!sizes) return;
    cy.nodes().forEach((node) => {
      const size = sizes.get(node.id());
      if (size !== undefined && node.data('size') !== size) node.data('size', size);
    });
  }

  /**
   * Draws each deal between the firms asked for (its own, unless its firm was acquired); returns
   * whether any deal moved. A moved deal is a new element, without the state set on the old one.
   */
  applyEndpoints(cy: Core): boolean {
    const endpoints = this.view.endpoints;
    const own = new Map((this.view.elements?.edges ?? []).map((e) => [e.id, e]));
    let moved = false;
    cy.edges().forEach((edge) => {
      const id = edge.id();
      const base = own.get(id);
      const wanted = endpoints?.get(id) ?? (base ? { source: base.source, target: base.target } : null);
      if (!wanted || (edge.source().id() === wanted.source && edge.target().id() === wanted.target)) return;
      if (cy.getElementById(wanted.source).empty() || cy.getElementById(wanted.target).empty()) return;
      edge.move({ source: wanted.source, target: wanted.target });
      this.hiddenIds.delete(id);
      this.steppedIds.delete(id);
      moved = true;
    });
    if (moved) this.highlightShown = true;
    return moved;
  }

  /** Sets each deal's width to the one asked for, or back to its width by amount; touches only changes. */
  applyWidths(cy: Core): void {
    const widths = this.view.edgeWidths;
    const byAmount = new Map((this.view.elements?.edges ?? []).map((e) => [e.id, e.width]));
    cy.edges().forEach((edge) => {
      const id = edge.id();
      const width = widths?.get(id) ?? byAmount.get(id);
      if (width !== undefined && edge.data('width') !== width) edge.data('width', width);
    });
  }

  applyHighlight(cy: Core): void {
    const highlight = this.view.highlight;
    const steps = this.view.loopSteps;
    // Nothing highlighted before or now: no element carries a class to change (the common case
    // of a filter change, where visiting every deal would be wasted work).
    if (highlight !== null || this.highlightShown) {
      const labelAmounts = highlight !== null && highlight.edges.size <= LABELLED_DEALS_AT_MOST;
      cy.elements().forEach((element) => {
        const id = element.id();
        const lit = highlight !== null && (element.isNode() ? highlight.nodes.has(id) : highlight.edges.has(id));
        const dim = highlight !== null && !lit;
        if (element.hasClass('highlighted') !== lit) element.toggleClass('highlighted', lit);
        if (element.hasClass('dimmed') !== dim) element.toggleClass('dimmed', dim);
        const labelled = lit && labelAmounts && element.isEdge();
        if (element.hasClass('labelled') !== labelled) element.toggleClass('labelled', labelled);
      });
      this.highlightShown = highlight !== null;
    }
    for (const id of this.steppedIds) {
      if (steps?.has(id)) continue;
      this.steppedIds.delete(id);
      const edge = cy.getElementById(id);
      if (edge.nonempty()) edge.removeData('step stepLabel');
    }
    if (steps) {
      for (const [id, step] of steps) {
        const edge = cy.getElementById(id);
        if (edge.empty()) continue;
        this.steppedIds.add(id);
        if (edge.data('step') !== step.step || edge.data('stepLabel') !== step.label) edge.data({ step: step.step, stepLabel: step.label });
      }
    }
  }

  applyDistress(cy: Core): void {
    const distress = this.view.distress;
    if (distress === null && !this.distressShown) return;
    cy.nodes().forEach((node) => {
      const level = distress?.get(node.id());
      if (level === undefined) {
        if (node.hasClass('distressed')) node.removeClass('distressed').removeData('distressColor distressLevel');
        return;
      }
      const color = distressColor(level, this.view.dark);
      if (node.data('distressColor') !== color) node.data({ distressColor: color, distressLevel: level });
      if (!node.hasClass('distressed')) node.addClass('distressed');
    });
    this.distressShown = distress !== null;
  }

  applySelection(cy: Core): void {
    const wanted = this.view.selectedDeal ?? this.view.selectedFirm;
    cy.$(':selected').forEach((element) => {
      if (element.id() !== wanted) element.unselect();
    });
    if (wanted) {
      const element = cy.getElementById(wanted);
      if (element.nonempty() && !element.selected()) element.select();
    }
  }

}
