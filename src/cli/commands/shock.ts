import { debtRank, type ContagionMode } from '../../analysis/contagion.js';
import { formatUsd } from '../../data/money.js';
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

export const shockCommand: Command = {
  name: 'shock',
  summary: 'Play out a failure: DebtRank contagion from one or more distressed firms.',
  details: [
    'Distress runs from 0 (unharmed) to 1 (failed). Exposures come from the deals (see the README):',
    'investors, holders and lenders lose when the receiver fails; sellers, payees and beneficiaries lose',
    'when the payer fails. Undisclosed amounts transmit nothing, so every figure is a lower bound.',
  ].join('\n'),
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    firm: { type: 'string', multiple: true, value: 'FIRM', description: 'Firm id hit by the shock (repeat for several).' },
    distress: { type: 'string', multiple: true, value: 'X', description: 'Initial distress 0..1 (default 1): one for all, or one per --firm.' },
    mode: { type: 'string', value: 'MODE', description: 'original (default; each firm passes distress on once) or linear.' },
    'equity-ratio': { type: 'string', value: 'R', description: 'Equity as a multiple of a firm\'s total known exposure (default 1).' },
    json: { type: 'boolean', description: 'Print the full result as JSON.' },
  },
  async run(values, io) {
    const firms = stringOptions(values, 'firm');
    if (firms.length === 0) throw new UsageError('name at least one firm with --firm');
    const levels = distressLevels(values, firms.length);
    const mode = stringOption(values, 'mode') ?? 'original';
    if (mode !== 'original' && mode !== 'linear') throw new UsageError(`--mode: ${JSON.stringify(mode)} is not original or linear`);
    const ratioText = stringOption(values, 'equity-ratio');
    const equityRatio = ratioText === undefined ? 1 : Number(ratioText);
    if (!Number.isFinite(equityRatio) || equityRatio <= 0) throw new UsageError(`--equity-ratio: ${JSON.stringify(ratioText)} is not a number above 0`);
    const filter = filterFromOptions(values);
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const all = buildFirmGraph(loaded.data);
    const view = filterFirmGraph(all, filter);
    const shocks: Record<string, number> = {};
    firms.forEach((id, i) => {
      shocks[requireFirm(id, 'firm', all, view)] = levels[i] as number;
    });
    const result = debtRank(view, { shocks, mode: mode as ContagionMode, equityRatio });
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT_OK;
    }
    const hit = result.firms.filter((f) => f.final > 0);
    const rows = hit.map((f) => [
      f.id,
      level(f.initial),
      level(f.final),
      formatUsd(f.lossUsd),
      f.byRound.map(level).join(' → '),
      f.undisclosedDeals > 0 ? `lower bound (${f.undisclosedDeals} undisclosed)` : '',
    ]);
    for (const line of formatTable(['firm', 'initial', 'final', 'loss', 'distress by round', 'note'], rows, ['left', 'right', 'right', 'right'])) io.out(line);
    const untouched = result.firms.length - hit.length;
    io.out(
      `DebtRank ${result.debtRank.toFixed(4)} (loss from propagation, share of the network's value); total distress ${result.totalDistress.toFixed(4)}; ` +
        `${result.rounds} rounds${result.converged ? '' : ' (stopped at the round limit before settling)'}; ${untouched} firms untouched (${mode} mode).`,
    );
    return EXIT_OK;
  },
};
