/**
 * What the picture and the What if panel show of a scenario: each firm's distress at a round, and
 * the firms a shock can be given to.
 */
import type { DebtRankResult } from '../analysis/contagion.js';
import type { FirmGraph } from '../model/graph.js';

/** Each firm's distress at a round of the scenario (the final state when null). */
export function distressAt(result: DebtRankResult, round: number | null): Map<string, number> {
  const index = Math.min(round ?? result.rounds, result.rounds) - 1;
  // A firm without a buffer has no computed distress: it keeps its kind's colour (unless shocked).
  return new Map(result.firms.filter((f) => f.final !== null).map((f) => [f.id, f.byRound[index] ?? (f.final as number)]));
}

/** The view's firms by name, for the panel's choice of firm to shock. */
export function scenarioFirms(graph: FirmGraph): Array<{ id: string; name: string }> {
  return graph.mapNodes((id, e) => ({ id, name: e.name })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
