/**
 * `roundtrip export`: the filtered view as a file for other tools — GraphML or GEXF for graph
 * tools, the data/ JSON files, one table as CSV, or the CSV files of a Neo4j import — with the same
 * filters as every analysis command.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { firmMeasures } from '../../analysis/centrality.js';
import { findLoops, LOOP_DEFAULTS, sortLoops } from '../../analysis/loops.js';
import { dealsCsv, loopLabels, loopsCsv, measuresCsv } from '../../export/csv.js';
import { toGEXF } from '../../export/gexf.js';
import { toGraphML } from '../../export/graphml.js';
import { toDataSetJSON } from '../../export/json.js';
import { NEO4J_FILES, toNeo4jImport } from '../../export/neo4j.js';
import { DEFAULT_FLOWS, type DataSet } from '../../data/types.js';
import type { FirmDrawing, NetworkDrawing } from '../../export/drawing.js';
import { layoutKey, layoutRequestFor } from '../../layout/layout.js';
import { buildFirmView } from '../../model/filter.js';
import type { FirmGraph } from '../../model/graph.js';
import { EXIT_OK, stringOption, UsageError, type Command, type OptionValues } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { writeFailure } from '../write-failure.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption, maxLengthOption } from '../view-options.js';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_TABLES = ['deals', 'loops', 'measures'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Writes one file; a failure is wrong usage (a bad --out), reported without a stack trace. */
async function writeText(file: string, shownAs: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, 'utf8');
  } catch (error) {
    throw new UsageError(`--out: cannot write ${shownAs}: ${writeFailure(error)}`);
  }
}

const FOLDER_OF: Partial<Record<ExportFormat, string>> = {
  json: 'entities.json and deals.json',
  neo4j: `${NEO4J_FILES.firms}, ${NEO4J_FILES.deals} and ${NEO4J_FILES.queries}`,
};

/** Creates the folder json and neo4j write into, unless it exists; a file in its place is refused. */
async function ensureFolder(folder: string, shownAs: string, format: ExportFormat): Promise<void> {
  const existing = await stat(folder).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out: ${shownAs} is a file; --format ${format} writes a folder holding ${FOLDER_OF[format]}`);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out: cannot create the folder ${shownAs}: ${writeFailure(error)}`);
  }
}

/** The filters given (and loop bounds, with `bounds`), as typed. */
function givenOptions(values: OptionValues, bounds = true): string {
  const names = [...Object.keys(FILTER_OPTIONS), ...(bounds ? ['max-length', 'max-cycles'] : [])];
  return names
    .flatMap((name) => {
      const value = stringOption(values, name);
      return value === undefined ? [] : [`--${name} ${value}`];
    })
    .join(' ');
}

/** The filters given, as typed, to record in the GraphML title which view this is. */
function filterSummary(values: OptionValues): string {
  const given = givenOptions(values, false);
  return given === '' ? 'Roundtrip deal network' : `Roundtrip deal network (${given})`;
}

function choice<T extends string>(values: OptionValues, name: string, allowed: readonly T[], noun: string): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${name}: unknown ${noun} ${JSON.stringify(raw)}; expected ${allowed.join(', ')}`);
  return raw as T;
}

/** Computes one CSV table of the view; returns its text and what it holds. */
function csvTable(view: FirmGraph, table: CsvTable, maxLength: number, maxCycles: number): { text: string; summary: string } {
  if (table === 'deals') return { text: dealsCsv(view), summary: plural(view.size, 'deal') };
  const found = findLoops(view, { maxLength, maxCycles });
  const capped = found.truncated ? ` (stopped at the cap of ${maxCycles}; more exist — raise --max-cycles)` : '';
  if (table === 'loops') {
    const labels = loopLabels(view);
    return { text: loopsCsv(sortLoops(found.loops), labels.nameOf, labels.dealTypeOf, labels.wordsOf), summary: `${plural(found.count, 'loop')}${capped}` };
  }
  const loopNote = found.truncated ? ` (loop counts stop at the cap of ${maxCycles} loops)` : '';
  return { text: measuresCsv(firmMeasures(view, { loops: found.loops })), summary: `measures of ${plural(view.order, 'firm')}${loopNote}` };
}

/**
 * The positions of a layout file written by `layout --out FILE` for this data set, as a drawing for
 * GraphML and GEXF. A file of another data set (its key differs) is refused: its places would be
 * another network's.
 */
async function layoutDrawing(file: string, shownAs: string, data: DataSet): Promise<NetworkDrawing> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--layout: cannot read ${shownAs}: ${code === 'ENOENT' ? 'no such file' : writeFailure(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--layout: ${shownAs} is not JSON; write it with \`layout --out ${shownAs}\``);
  }
  const layout = parsed as { key?: unknown; positions?: unknown };
  if (typeof layout?.key !== 'string' || typeof layout.positions !== 'object' || layout.positions === null) {
    throw new UsageError(`--layout: ${shownAs} holds no layout (expected {"key", "positions"}, as \`layout --out\` writes)`);
  }
  const key = layoutKey(layoutRequestFor(data));
  if (layout.key !== key) throw new UsageError(`--layout: ${shownAs} is the layout of another data set (key ${layout.key}; this one's is ${key}); run \`layout --out ${shownAs}\` on it again`);
  const firms = new Map<string, FirmDrawing>();
  for (const [id, place] of Object.entries(layout.positions as Record<string, unknown>)) {
    const { x, y } = (place ?? {}) as { x?: unknown; y?: unknown };
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) throw new UsageError(`--layout: ${shownAs}, positions.${id}: expected finite x and y`);
    firms.set(id, { x, y });
  }
  return { firms };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the filtered deal network as GraphML, GEXF, the data/ JSON files, a CSV table or a Neo4j import.',
  details: [
    'Formats: graphml (yEd, Gephi, NetworkX), gexf (Gephi), json (entities.json and deals.json in the',
    '--out folder, created if missing; loadable with --data), csv (one table: deals, loops or measures),',
    `neo4j (${FOLDER_OF.neo4j} in the --out folder: the files of neo4j-admin database import, and`,
    'the loop query for the same filters, --max-length and --max-cycles).',
    'Undisclosed amounts are left out of GraphML and GEXF and empty in CSV, never written as 0. CSV cells',
    "that would start a spreadsheet formula (=, +, -, @) get a leading '. Loops are sorted by bottleneck;",
    'measures follow the data order; --max-length and --max-cycles bound the loop search for both.',
    'With --layout FILE (written by `layout --out FILE` for the same data), GraphML and GEXF carry each',
    "firm's position (GEXF viz:position; GraphML x and y, and yEd's geometry), so Gephi and yEd open the",
    "network as the explorer lays it out (the explorer's own Export adds sizes and colours).",
  ].join('\n'),
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    format: { type: 'string', value: 'FORMAT', description: `${EXPORT_FORMATS.join(', ')}; required.` },
    table: { type: 'string', value: 'TABLE', description: `For csv: ${CSV_TABLES.join(', ')} (default deals).` },
    out: { type: 'string', value: 'PATH', description: 'File to write (for json and neo4j: a folder); required.' },
    'max-length': { type: 'string', value: 'N|all', description: `Longest loop in hops, at least 2, or all (default ${LOOP_DEFAULTS.maxLength}).` },
    'max-cycles': { type: 'string', value: 'N', description: `Stop after N loops (default ${LOOP_DEFAULTS.maxCycles}).` },
    layout: { type: 'string', value: 'FILE', description: 'For graphml and gexf: firm positions from `layout --out FILE` of the same data.' },
  },
  async run(values, io) {
    const format = choice(values, 'format', EXPORT_FORMATS, 'format');
    if (format === undefined) throw new UsageError(`--format is required: ${EXPORT_FORMATS.join(', ')}`);
    const tableOption = choice(values, 'table', CSV_TABLES, 'table');
    if (tableOption !== undefined && format !== 'csv') throw new UsageError(`--table only applies to --format csv (got --format ${format})`);
    const out = stringOption(values, 'out');
    if (out === undefined || out.trim() === '') {
      const folder = FOLDER_OF[format];
      throw new UsageError(folder !== undefined ? `--out FOLDER is required (it gets ${folder})` : '--out FILE is required');
    }
    // Exports write every deal, each with its flow, unless --flows says otherwise; the loops and
    // measures tables, like the analysis commands, count the money that moves.
    const table = tableOption ?? 'deals';
    const filter = filterFromOptions(values, format === 'csv' && table !== 'deals' ? DEFAULT_FLOWS : 'all');
    const maxLength = maxLengthOption(values, LOOP_DEFAULTS.maxLength);
    const maxCycles = integerOption(values, 'max-cycles', LOOP_DEFAULTS.maxCycles, 0);

    const layoutFile = stringOption(values, 'layout');
    if (layoutFile !== undefined && format !== 'graphml' && format !== 'gexf') throw new UsageError(`--layout only applies to --format graphml or gexf (got --format ${format})`);

    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const drawing = layoutFile === undefined ? undefined : await layoutDrawing(path.resolve(io.cwd, layoutFile), layoutFile, loaded.data);
    const view = buildFirmView(loaded.data, filter);
    const target = path.resolve(io.cwd, out);
    const firmsAndDeals = `${plural(view.order, 'firm')} and ${plural(view.size, 'deal')}`;

    switch (format) {
      case 'graphml':
        await writeText(target, out, toGraphML(view, { title: filterSummary(values), ...(drawing ? { drawing } : {}) }));
        io.out(`${firmsAndDeals} written to ${out} (GraphML)`);
        break;
      case 'gexf':
        await writeText(target, out, toGEXF(view, drawing ? { drawing } : {}));
        io.out(`${firmsAndDeals} written to ${out} (GEXF)`);
        break;
      case 'json': {
        const files = toDataSetJSON(view);
        await ensureFolder(target, out, format);
        await writeText(path.join(target, 'entities.json'), path.join(out, 'entities.json'), files.entities);
        await writeText(path.join(target, 'deals.json'), path.join(out, 'deals.json'), files.deals);
        io.out(`${firmsAndDeals} written to ${path.join(out, 'entities.json')} and ${path.join(out, 'deals.json')}`);
        break;
      }
      case 'neo4j': {
        // The loop query counts what the analyses count: the default flows unless --flows says otherwise.
        const files = toNeo4jImport(view, { loopFilter: filterFromOptions(values, DEFAULT_FLOWS), maxLength, maxCycles, given: givenOptions(values) });
        await ensureFolder(target, out, format);
        const written = [NEO4J_FILES.firms, NEO4J_FILES.deals, NEO4J_FILES.queries].map((name) => path.join(out, name));
        await writeText(path.join(target, NEO4J_FILES.firms), written[0] as string, files.firms);
        await writeText(path.join(target, NEO4J_FILES.deals), written[1] as string, files.deals);
        await writeText(path.join(target, NEO4J_FILES.queries), written[2] as string, files.queries);
        io.out(`${firmsAndDeals} written to ${written[0]}, ${written[1]} and ${written[2]} (Neo4j import)`);
        break;
      }
      case 'csv': {
        const { text, summary } = csvTable(view, table, maxLength, maxCycles);
        await writeText(target, out, text);
        io.out(`${summary} written to ${out} (CSV)`);
        break;
      }
    }
    return EXIT_OK;
  },
};
