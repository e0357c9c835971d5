/**
 * How the panels and the picture name a data set's firms, deals and loops: a firm's name, a deal
 * in words, the deal types of a hop, what a loop's folded firms need said, and a loop's hop labels.
 * One per data set shown, so the functions stay the same while it is (components re-render only
 * when their input changes).
 */
import type { MoneyLoop } from '../analysis/loops.js';
import { dealInWords } from '../analysis/scenario-summary.js';
import type { Deal, DealType, Entity } from '../data/types.js';
import type { LoopStep } from './cytoscape/rt-graph.js';
import { dealAmount, foldedNotes } from './format.js';

export class Names {
  constructor(
    private readonly entities: ReadonlyMap<string, Entity>,
    private readonly deals: ReadonlyMap<string, Deal>,
  ) {}

  readonly nameOf = (id: string): string => this.entities.get(id)?.name ?? id;

  /** "OpenAI's purchase (seller Oracle, $300B)". */
  readonly dealTitle = (id: string): string => {
    const deal = this.deals.get(id);
    return deal ? dealInWords(deal, this.nameOf) : id;
  };

  /** Firms a loop passes only as part of their acquirer, said with the loop. */
  readonly notesOf = (loop: MoneyLoop): string[] => foldedNotes(loop, this.deals, this.entities);

  /** The deal types of some deals, each once, in the order met. */
  readonly typesOf = (dealIds: readonly string[]): DealType[] => {
    const types: DealType[] = [];
    for (const id of dealIds) {
      const type = this.deals.get(id)?.type;
      if (type && !types.includes(type)) types.push(type);
    }
    return types;
  };

  /** Each deal of a loop labelled with its hop's number and amount ("2 · $300B"). */
  loopSteps(loop: MoneyLoop | null): Map<string, LoopStep> | null {
    if (!loop) return null;
    const steps = new Map<string, LoopStep>();
    loop.hops.forEach((hop, i) => {
      for (const id of hop.deals) {
        const deal = this.deals.get(id);
        steps.set(id, { step: i + 1, label: `${i + 1} · ${deal ? dealAmount(deal) : ''}` });
      }
    });
    return steps;
  }
}
