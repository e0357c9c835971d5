import { DEFAULT_LOSS_SHARE, debtRank, type ContagionMode } from '../../analysis/contagion.js';
import { dealInWords, scenarioSummary, shockInWords } from '../../analysis/scenario-summary.js';
import { FLOW_KINDS, type FlowKind } from '../../data/types.js';
import { formatUsd, parseUsd } from '../../data/money.js';
import type { FirmGraph } from '../../model/graph.js';
import { filterFirmGraph } from '../../model/filter.js';
import { buildFirmGraph } from '../../model/graph.js';
import { booleanOption, EXIT_OK, stringOption, stringOptions, UsageError, type Command, type OptionValues } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';
import { FILTER_OPTIONS, filterFromOptions, requireFirm } from '../view-options.js';

function distressLevels(values: OptionValues, firmCount: number): number[] {
  const raw = stringOptions(values, 'distress');
  if (raw.length === 0) return new Array<number>(firmCount).fill(1);
  if (raw.length !== 1 && raw.length !== firmCount) {
    throw new UsageError(`give one --distress for all firms, or one per --firm (got ${raw.length} for ${firmCount} firms)`);
  }
  const levels = raw.map((text) => {
    const level = Number(text);
    if (text.trim() === '' || !Number.isFinite(level) || level < 0 || level > 1) {
      throw new UsageError(`--distress: ${JSON.stringify(text)} is not a number from 0 to 1`);
    }
    return level;
  });
  return raw.length === 1 ? new Array<number>(firmCount).fill(levels[0] as number) : levels;
}

const level = (x: number): string => x.toFixed(3);

/** `--lgd committed=0.3 --lgd in-kind=0.5`: loss shares by flow kind. */
function lossShareOptions(raw: string[]): Partial<Record<FlowKind, number>> {
  const shares: Partial<Record<FlowKind, number>> = {};
  for (const text of raw) {
    const [flow, value] = text.split('=');
    if (!flow || value === undefined || !(FLOW_KINDS as readonly string[]).includes(flow)) {
      throw new UsageError(`--lgd: ${JSON.stringify(text)} is not FLOW=SHARE with a flow kind (${FLOW_KINDS.join(', ')})`);
    }
    const share = Number(value);
    if (value.trim() === '' || !Number.isFinite(share) || share < 0 || share > 1) throw new UsageError(`--lgd: ${JSON.stringify(value)} is not a share from 0 to 1`);
    shares[flow as FlowKind] = share;
  }
  return shares;
}

/** `--equity lambda=3B`: buffers the analyst gives. */
function equityOptions(raw: string[], all: FirmGraph, view: FirmGraph): Record<string, number> | null {
  if (raw.length === 0) return null;
  const equity: Record<string, number> = {};
  for (const text of raw) {
    const [firm, value] = text.split('=');
    if (!firm || value === undefined) throw new UsageError(`--equity: ${JSON.stringify(text)} is not FIRM=USD (e.g. lambda=3B)`);
    const amount = parseUsd(value);
    if (amount === null || amount <= 0) throw new UsageError(`--equity: ${JSON.stringify(value)} is not an amount above 0 (1e9, 1B, 500M)`);
    equity[requireFirm(firm, 'equity', all, view)] = amount;
  }
  return equity;
}

export const shockCommand: Command = {
  name: 'shock',
  summary: 'Play out a failure: DebtRank contagion from one or more distressed firms.',
  details: [
    'Distress runs from 0 (unharmed) to 1 (failed). Exposures come from the deals (see the README):',
    'investors, holders and lenders lose when the receiver fails; sellers, payees and beneficiaries lose',
    'when the payer fails. Buffers are book equity (firms without a balance sheet are not computed, but',
    'their losses are traced); committed purchases count at a loss share (--lgd). Every loss is traced to',
    'its deals (--json: firms[].hitThrough). Undisclosed amounts transmit nothing: figures are lower bounds.',
  ].join('\n'),
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    firm: { type: 'string', multiple: true, value: 'FIRM', description: 'Firm id hit by the shock (repeat for several).' },
    distress: { type: 'string', multiple: true, value: 'X', description: 'Initial distress 0..1 (default 1): one for all, or one per --firm.' },
    mode: { type: 'string', value: 'MODE', description: 'original (default; each firm passes distress on once) or linear.' },
    buffers: { type: 'string', value: 'balance|proxy', description: 'Buffers: balance (default: each firm\'s book equity; a firm without one is not computed) or proxy (equity = ratio × total known exposure).' },
    equity: { type: 'string', multiple: true, value: 'FIRM=USD', description: 'A buffer for a firm, e.g. lambda=3B (repeat for several); overrides either source.' },
    'equity-ratio': { type: 'string', value: 'R', description: 'With --buffers proxy: equity as a multiple of a firm\'s total known exposure (default 1).' },
    lgd: { type: 'string', multiple: true, value: 'FLOW=SHARE', description: `Share of an amount lost when the counterparty fails, per flow kind, e.g. committed=0.3 (defaults: ${Object.entries(DEFAULT_LOSS_SHARE).map(([flow, share]) => `${flow} ${share}`).join(', ')}).` },
    called: { type: 'boolean', description: 'Guarantees and other contingent deals are called (default: not, so they expose nothing).' },
    json: { type: 'boolean', description: 'Print the full result as JSON.' },
  },
  async run(values, io) {
    const firms = stringOptions(values, 'firm');
    if (firms.length === 0) throw new UsageError('name at least one firm with --firm');
    const levels = distressLevels(values, firms.length);
    const mode = stringOption(values, 'mode') ?? 'original';
    if (mode !== 'original' && mode !== 'linear') throw new UsageError(`--mode: ${JSON.stringify(mode)} is not original or linear`);
    const buffers = stringOption(values, 'buffers') ?? 'balance';
    if (buffers !== 'balance' && buffers !== 'proxy') throw new UsageError(`--buffers: ${JSON.stringify(buffers)} is not balance or proxy`);
    const lossShare = lossShareOptions(stringOptions(values, 'lgd'));
    const ratioText = stringOption(values, 'equity-ratio');
    const equityRatio = ratioText === undefined ? 1 : Number(ratioText);
    if (!Number.isFinite(equityRatio) || equityRatio <= 0) throw new UsageError(`--equity-ratio: ${JSON.stringify(ratioText)} is not a number above 0`);
    // Exposures count every flow kind at its loss share (see contagion.ts), so all flows by default.
    const filter = filterFromOptions(values, 'all');
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const all = buildFirmGraph(loaded.data);
    const view = filterFirmGraph(all, filter);
    const shocks: Record<string, number> = {};
    firms.forEach((id, i) => {
      shocks[requireFirm(id, 'firm', all, view)] = levels[i] as number;
    });
    const equity = equityOptions(stringOptions(values, 'equity'), all, view);
    const result = debtRank(view, { shocks, mode: mode as ContagionMode, equityRatio, buffers, lossShare, called: booleanOption(values, 'called'), ...(equity ? { equity } : {}) });
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT_OK;
    }
    const name = (id: string): string => (all.hasNode(id) ? all.getNodeAttribute(id, 'name') : id);
    const dealName = (id: string): string => (all.hasEdge(id) ? dealInWords(all.getEdgeAttributes(id), name) : id);
    io.out(scenarioSummary(result, shockInWords(shocks, name), { firm: name, deal: dealName }));
    io.out('');
    const hit = result.firms.filter((f) => f.lossUsd > 0 || f.initial > 0);
    const rows = hit.map((f) => {
      const route = f.hitThrough.find((part) => part.deal !== null);
      return [
        f.id,
        level(f.initial),
        f.final === null ? 'not computed' : level(f.final),
        formatUsd(f.lossUsd),
        f.equityUsd === null ? 'no balance sheet' : `${formatUsd(f.equityUsd)} (${f.buffer})`,
        f.failed ? 'failed' : f.lossShare === null ? '' : `${Math.round(f.lossShare * 100)}% of buffer`,
        route && route.deal ? `${route.deal} (from ${route.from}, round ${route.round})` : '',
        f.undisclosedDeals > 0 ? `lower bound (${f.undisclosedDeals} undisclosed)` : '',
      ];
    });
    for (const line of formatTable(['firm', 'initial', 'final', 'loss', 'buffer', 'status', 'most through', 'note'], rows, ['left', 'right', 'right', 'right', 'right'])) io.out(line);
    const untouched = result.firms.length - hit.length;
    io.out(
      `DebtRank ${result.debtRank.toFixed(4)} (loss from propagation, share of the network's value); total distress ${result.totalDistress.toFixed(4)}; ` +
        `${result.rounds} rounds${result.converged ? '' : ' (stopped at the round limit before settling)'}; ${untouched} firms untouched (${mode} mode).`,
    );
    return EXIT_OK;
  },
};
