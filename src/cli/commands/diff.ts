import { diffDataSets, type DataDiff, type RecordChanges } from '../../analysis/data-diff.js';
import { LOOP_DEFAULTS } from '../../analysis/loops.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption } from '../view-options.js';

const percent = (index: number | null): string => (index === null ? 'no known money' : `${(index * 100).toFixed(1)}%`);

/** A value in one line, cut short: the JSON output has it whole. */
function brief(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function recordLines(noun: string, changes: RecordChanges): string[] {
  const lines = [`${noun}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} changed`];
  for (const id of changes.added) lines.push(`  + ${id}`);
  for (const id of changes.removed) lines.push(`  - ${id}`);
  for (const { id, fields } of changes.changed) {
    lines.push(`  ~ ${id}`);
    for (const [field, change] of Object.entries(fields)) lines.push(`      ${field}: ${brief(change.from)} → ${brief(change.to)}`);
  }
  return lines;
}

/** The diff in words, section by section. */
export function diffText(diff: DataDiff): string[] {
  const loops = diff.loops;
  return [
    ...recordLines('deals', diff.deals),
    ...recordLines('firms', diff.firms),
    `loops: ${loops.appeared.length} appeared, ${loops.disappeared.length} disappeared${loops.truncated ? ' (a loop search stopped at its cap: raise --max-cycles)' : ''}`,
    ...loops.appeared.map((id) => `  + ${id}`),
    ...loops.disappeared.map((id) => `  - ${id}`),
    `circularity: ${percent(diff.circularity.from)} → ${percent(diff.circularity.to)} of the known money goes round`,
  ];
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'What changed between two data sets: deals, firms, loops and the circularity index.',
  details: [
    'Deals and firms are matched by id; a changed record lists each field that differs. Loops and the',
    'circularity index are those of the filtered view of each data set (default flows unless --flows).',
  ].join('\n'),
  options: {
    from: { ...DATA_OPTION, description: `The earlier data set. ${DATA_OPTION.description}` },
    to: { ...DATA_OPTION, description: 'The later data set (default: data/).' },
    // --from and --to name the data sets here, so the date-range filters are not offered.
    ...Object.fromEntries(Object.entries(FILTER_OPTIONS).filter(([name]) => name !== 'from' && name !== 'to')),
    'max-cycles': { type: 'string', value: 'N', description: `Stop each loop search after N loops (default ${LOOP_DEFAULTS.maxCycles}).` },
    json: { type: 'boolean', description: 'Print JSON: {"deals": {"added", "removed", "changed"}, "firms": {...}, "loops": {"appeared", "disappeared"}, "circularity": {"from", "to"}}.' },
  },
  async run(values, io) {
    const fromDir = stringOption(values, 'from');
    if (fromDir === undefined) throw new UsageError('--from is required: the earlier data set to compare with');
    const filter = filterFromOptions({ ...values, from: undefined, to: undefined });
    const maxCycles = integerOption(values, 'max-cycles', LOOP_DEFAULTS.maxCycles, 0);
    const before = await requireDataSet(fromDir, io);
    if ('exitCode' in before) return before.exitCode;
    const after = await requireDataSet(stringOption(values, 'to'), io);
    if ('exitCode' in after) return after.exitCode;
    const diff = diffDataSets(before.data, after.data, filter, { maxCycles });
    if (booleanOption(values, 'json')) io.out(JSON.stringify(diff, null, 2));
    else for (const line of diffText(diff)) io.out(line);
    return EXIT_OK;
  },
};
