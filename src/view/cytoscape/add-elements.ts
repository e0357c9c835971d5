/**
 * Adding a picture's elements to Cytoscape: firms first, then deals, a slice per task. Styling
 * every element in one go held the page for half a second on 1,500 deals. Each slice is styled as
 * it is added, and no frame is drawn until the last is in (each would draw all the firms added so
 * far).
 */
import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { computeStylesNow, pinBackgrounding, skipNextDrawing } from './style-dirtying.js';

/** Elements added to Cytoscape at a time, and the time spent adding before the page gets a turn. */
const ELEMENTS_PER_CHUNK = 100;
const SLICE_BUDGET_MS = 40;

/**
 * A graph this small is added in one go: cut in slices, its first picture waited a turn behind
 * the page's other work (about a tenth of a second) to save a task of a few tens of milliseconds.
 */
export const ONE_SLICE_AT_MOST = 400;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface AddingSteps {
  /** Whether the picture being added is still the one wanted (checked after each pause). */
  stillWanted(): boolean;
  /** Sets what the app's state says on the elements added so far (in Cytoscape's batch). */
  applyState(): void;
  /** The firms are all in: the view can be fitted to them. */
  firmsIn(): void;
}

/** Adds the definitions (firms first); false when the picture stopped being wanted on the way. */
export async function addInSlices(cy: Core, definitions: cytoscape.ElementDefinition[], firmCount: number, steps: AddingSteps): Promise<boolean> {
  let sliceStart = performance.now();
  let fitted = false;
  const perChunk = definitions.length <= ONE_SLICE_AT_MOST ? Math.max(1, definitions.length) : ELEMENTS_PER_CHUNK;
  for (let start = 0; start < definitions.length; start += perChunk) {
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      skipNextDrawing(cy);
      await nextTask();
      if (!steps.stillWanted()) return false;
      sliceStart = performance.now();
    }
    const chunk = definitions.slice(start, start + perChunk);
    let added = cy.collection();
    cy.batch(() => {
      added = cy.add(chunk);
      pinBackgrounding(added.nodes());
      steps.applyState();
    });
    computeStylesNow(cy);
    // Each element's bounds are worked out with its slice, not all at once in the first drawing.
    added.forEach((ele) => void ele.boundingBox());
    if (!fitted && start + perChunk >= firmCount) {
      fitted = true;
      steps.firmsIn();
    }
  }
  return true;
}
