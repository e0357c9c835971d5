import { firmMeasures, MEASURE_KEYS, type FirmMeasures, type MeasureKey } from '../../analysis/centrality.js';
import { findLoops } from '../../analysis/loops.js';
import { formatUsd } from '../../data/money.js';
import { buildFirmView } from '../../model/filter.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';
import { FILTER_OPTIONS, filterFromOptions } from '../view-options.js';

const score = (x: number | null): string => (x === null ? '–' : x.toFixed(4));
const share = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);

function sortByMeasure(rows: FirmMeasures[], key: MeasureKey): FirmMeasures[] {
  return [...rows].sort((a, b) => {
    const va = a[key];
    const vb = b[key];
    if (va === vb) return a.id < b.id ? -1 : 1;
    if (va === null) return 1;
    if (vb === null) return -1;
    return vb - va;
  });
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'Print who is central: PageRank, betweenness, HITS, degree, strength, circularity, loops per firm.',
  details: `Sort keys: ${MEASURE_KEYS.join(', ')} (default pagerank, largest first). The README explains each measure.`,
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    sort: { type: 'string', value: 'KEY', description: 'Measure to sort by.' },
    json: { type: 'boolean', description: 'Print JSON: one object per firm.' },
  },
  async run(values, io) {
    const filter = filterFromOptions(values);
    const sortKey = stringOption(values, 'sort') ?? 'pagerank';
    if (!(MEASURE_KEYS as readonly string[]).includes(sortKey)) {
      throw new UsageError(`--sort: unknown measure ${JSON.stringify(sortKey)}; expected ${MEASURE_KEYS.join(', ')}`);
    }
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const view = buildFirmView(loaded.data, filter, { shareRecords: true });
    const loops = findLoops(view);
    const rows = sortByMeasure(firmMeasures(view, { loops: loops.loops }), sortKey as MeasureKey);
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    const header = ['firm', 'kind', 'pagerank', 'betweenness', 'hub', 'authority', 'in', 'out', 'in $', 'out $', 'circular in', 'circular out', 'loops'];
    const table = rows.map((m) => [
      m.id,
      m.kind,
      score(m.pagerank),
      score(m.betweenness),
      score(m.hub),
      score(m.authority),
      String(m.inDegree),
      String(m.outDegree),
      formatUsd(m.inStrengthUsd),
      formatUsd(m.outStrengthUsd),
      share(m.circularity),
      share(m.circularOut),
      String(m.loops ?? '–'),
    ]);
    const align = ['left', 'left', ...header.slice(2).map(() => 'right' as const)] as const;
    for (const line of formatTable(header, table, align)) io.out(line);
    if (loops.truncated) io.out(`Loop counts stop at ${loops.count} loops (the cap); circularity is exact.`);
    return EXIT_OK;
  },
};
