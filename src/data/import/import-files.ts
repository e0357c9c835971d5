/**
 * Importing a data set the analyst brings: the two JSON files of data/, or a deals CSV (with an
 * optional entities CSV), in any mix. Everything is checked by the same validation as data/; every
 * problem names the file, the row or record, and the field; a set with problems is not loaded at
 * all, and nothing valid is dropped silently.
 *
 * Why one long file: JSON and CSV sources, their classification and the merge into one set share
 * the problem reporting that names file, row and field.
 */
import { parseUsd } from '../money.js';
import { parseJsonText } from '../json-text.js';
import { capProblems, formatProblem, showValue, type Problem } from '../problem.js';
import type { DataSet, Entity } from '../types.js';
import { validateDataSet } from '../validate.js';
import { readCsv, type CsvTable } from './csv-table.js';
import { slugify, uniqueSlug } from './slug.js';

export { MAX_IMPORT_BYTES } from './limits.js';

export interface ImportFile {
  name: string;
  text: string;
}

export type ImportResult =
  | { ok: true; data: DataSet; warnings: string[]; name: string }
  | { ok: false; problems: Problem[]; warnings: string[] };

export interface ImportOptions {
  /** Firms deals may name without an entities file (the data set loaded now). */
  knownEntities?: readonly Entity[];
}

/** The columns a deals CSV must have; the rest are optional. */
export const DEAL_CSV_COLUMNS = ['id', 'from', 'to', 'type', 'amountUsd', 'amountBasis', 'date', 'title', 'sourceUrl', 'sourceTitle'] as const;
const REQUIRED_DEAL_COLUMNS = ['from', 'to', 'type', 'amountusd', 'date', 'title', 'sourceurl'];
const OPTIONAL_DEAL_COLUMNS = ['id', 'amountbasis', 'sourcetitle', 'status', 'statusnote', 'supersededby', 'note', 'publisher', 'sourcekind', 'sourcedate', 'enddate', 'flow'];
/** Balance-sheet columns of an entities CSV: only equityUsd is required when any is given. */
const BALANCE_COLUMNS = ['equityusd', 'cashusd', 'marketcapusd', 'balanceasof', 'balancebasis', 'balancesourceurl'];
const ENTITY_COLUMNS = ['id', 'name', 'kind', 'ticker', 'country', 'note', 'acquiredby', 'acquireddate', ...BALANCE_COLUMNS];

const fileProblem = (file: string, message: string): Problem => ({ file, record: null, recordId: null, field: null, message });
const rowProblem = (file: string, row: number, id: string | null, field: string, message: string): Problem => ({
  file,
  record: `row ${row}`,
  recordId: id,
  field,
  message,
});

type Source =
  | { kind: 'entities-json'; file: string; doc: unknown }
  | { kind: 'deals-json'; file: string; doc: unknown }
  | { kind: 'entities-csv'; file: string; table: CsvTable }
  | { kind: 'deals-csv'; file: string; table: CsvTable };

function classify(file: ImportFile, problems: Problem[]): Source | null {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.json')) {
    const parsed = parseJsonText(file.text, file.name);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      return null;
    }
    const doc = parsed.value;
    if (typeof doc === 'object' && doc !== null && 'deals' in doc) return { kind: 'deals-json', file: file.name, doc };
    if (typeof doc === 'object' && doc !== null && 'entities' in doc) return { kind: 'entities-json', file: file.name, doc };
    problems.push(fileProblem(file.name, 'is neither a deals file ({"deals": [...]}) nor an entities file ({"entities": [...]})'));
    return null;
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    const read = readCsv(file.text, file.name);
    if (!read.ok) {
      for (const problem of read.problems) problems.push(problem);
      return null;
    }
    const keys = read.table.columns.map((c) => c.toLowerCase());
    if (keys.includes('from') && keys.includes('to')) return { kind: 'deals-csv', file: file.name, table: read.table };
    if (keys.includes('name') || keys.includes('kind')) return { kind: 'entities-csv', file: file.name, table: read.table };
    problems.push(fileProblem(file.name, `has neither deal columns (from, to, …) nor entity columns (name, kind, …); its header is ${showValue(read.table.columns.join(','), 120)}`));
    return null;
  }
  problems.push(fileProblem(file.name, 'is not a .json or .csv file'));
  return null;
}

function unknownColumns(table: CsvTable, known: readonly string[]): string[] {
  return table.columns.filter((c) => c !== '' && !known.includes(c.toLowerCase()));
}

/** A balance-sheet cell: an amount as analysts write it, or the text itself (the validator then names the row). */
function amountCell(text: string): number | string {
  const amount = text.trim().startsWith('-') ? parseUsd(text.trim().slice(1)) : parseUsd(text);
  if (amount === null) return text;
  return text.trim().startsWith('-') ? -amount : amount;
}

/** The balance of an entities row, when one of its balance columns is filled. */
function balanceFromRow(row: Record<string, string | undefined>): Record<string, unknown> | null {
  if (!BALANCE_COLUMNS.some((column) => row[column])) return null;
  const balance: Record<string, unknown> = {};
  if (row.equityusd) balance.equityUsd = amountCell(row.equityusd);
  if (row.cashusd) balance.cashUsd = amountCell(row.cashusd);
  if (row.marketcapusd) balance.marketCapUsd = amountCell(row.marketcapusd);
  if (row.balanceasof) balance.asOf = row.balanceasof;
  if (row.balancebasis) balance.basis = row.balancebasis;
  if (row.balancesourceurl) balance.source = { url: row.balancesourceurl };
  return balance;
}

function entitiesFromCsv(table: CsvTable, file: string, warnings: string[]): Array<Record<string, unknown>> {
  const unused = unknownColumns(table, ENTITY_COLUMNS);
  if (unused.length > 0) warnings.push(`${file}: column${unused.length === 1 ? '' : 's'} ${unused.map((c) => `"${c}"`).join(', ')} not used`);
  const taken = new Set<string>();
  return table.rows.map((row) => {
    const entity: Record<string, unknown> = {};
    const id = row.id || (row.name ? uniqueSlug(slugify(row.name), taken) : '');
    taken.add(id);
    entity.id = id;
    entity.name = row.name ?? '';
    entity.kind = (row.kind ?? '').toLowerCase();
    for (const key of ['ticker', 'country', 'note'] as const) if (row[key]) entity[key] = row[key] as string;
    if (row.acquiredby) entity.acquiredBy = row.acquiredby;
    if (row.acquireddate) entity.acquiredDate = row.acquireddate;
    const balance = balanceFromRow(row);
    if (balance) entity.balance = balance;
    return entity;
  });
}

/** Finds firms by id, name or ticker, and adds firms no one knows (kind other). */
class FirmResolver {
  private readonly byId = new Map<string, Entity>();
  private readonly byName = new Map<string, string>();
  private readonly byTicker = new Map<string, string>();
  readonly created: Entity[] = [];
  readonly used = new Set<string>();

  constructor(entities: ReadonlyArray<Partial<Entity>>) {
    for (const e of entities) {
      if (typeof e.id !== 'string') continue;
      this.byId.set(e.id, e as Entity);
      if (typeof e.name === 'string') this.byName.set(e.name.toLowerCase(), e.id);
      if (typeof e.ticker === 'string') this.byTicker.set(e.ticker.toLowerCase(), e.id);
    }
  }

  resolve(text: string, where: string, warnings: string[]): string {
    if (text === '') return text;
    const lower = text.toLowerCase();
    const id = this.byId.has(text) ? text : (this.byName.get(lower) ?? this.byTicker.get(lower));
    if (id !== undefined) {
      this.used.add(id);
      return id;
    }
    const created: Entity = { id: uniqueSlug(slugify(text), new Set(this.byId.keys())), name: text, kind: 'other' };
    this.byId.set(created.id, created);
    this.byName.set(lower, created.id);
    this.created.push(created);
    this.used.add(created.id);
    warnings.push(`${where}: ${showValue(text, 60)} is not a known firm; added as "${created.id}" (kind other)`);
    return created.id;
  }
}

function dealsFromCsv(table: CsvTable, file: string, firms: FirmResolver, problems: Problem[], warnings: string[]): Array<Record<string, unknown>> {
  const keys = table.columns.map((c) => c.toLowerCase());
  const missing = REQUIRED_DEAL_COLUMNS.filter((c) => !keys.includes(c));
  if (missing.length > 0) {
    const names = missing.map((m) => DEAL_CSV_COLUMNS.find((c) => c.toLowerCase() === m) ?? m);
    problems.push(fileProblem(file, `missing column${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}; the header needs ${DEAL_CSV_COLUMNS.join(',')}`));
    return [];
  }
  const unused = unknownColumns(table, [...REQUIRED_DEAL_COLUMNS, ...OPTIONAL_DEAL_COLUMNS]);
  if (unused.length > 0) warnings.push(`${file}: column${unused.length === 1 ? '' : 's'} ${unused.map((c) => `"${c}"`).join(', ')} not used`);
  const ids = new Set<string>();
  let generatedIds = 0;
  let defaultedStatus = 0;
  const deals = table.rows.map((row, i) => {
    const rowNumber = table.rowNumbers[i] as number;
    const where = (field: string) => `${file}, row ${rowNumber}, ${field}`;
    const from = firms.resolve(row.from ?? '', where('from'), warnings);
    const to = firms.resolve(row.to ?? '', where('to'), warnings);
    let id = row.id ?? '';
    if (id === '') {
      id = uniqueSlug(slugify(`${from}-${to}-${row.date ?? ''}`), ids);
      generatedIds++;
    }
    ids.add(id);
    const deal: Record<string, unknown> = { id, from, to, type: (row.type ?? '').toLowerCase() };
    const amountText = row.amountusd ?? '';
    let amount: number | null = null;
    if (amountText !== '') {
      amount = parseUsd(amountText);
      if (amount === null) {
        problems.push(rowProblem(file, rowNumber, id, 'amountUsd', `${showValue(amountText)} is not an amount (e.g. 1500000, "1,500,000", $10B, 1.5bn); leave it empty when undisclosed`));
      }
    }
    deal.amountUsd = amount;
    const basis = (row.amountbasis ?? '').toLowerCase();
    // An unreadable amount is reported once, above; the basis is not then checked against it.
    if (amountText !== '' && amount === null) deal.amountBasis = 'undisclosed';
    else if (basis !== '') deal.amountBasis = basis;
    else if (amountText === '') deal.amountBasis = 'undisclosed';
    else if (amount !== null) problems.push(rowProblem(file, rowNumber, id, 'amountBasis', 'is missing; say what the amount measures: committed, up-to, estimated or annual'));
    deal.date = row.date ?? '';
    if (row.status) deal.status = row.status.toLowerCase();
    else {
      deal.status = 'unconfirmed';
      defaultedStatus++;
    }
    if (row.statusnote) deal.statusNote = row.statusnote;
    if (row.supersededby) deal.supersededBy = row.supersededby;
    if (row.enddate) deal.endDate = row.enddate;
    if (row.flow) deal.flow = row.flow.toLowerCase();
    deal.title = row.title ?? '';
    const url = row.sourceurl ?? '';
    const source: Record<string, string> = { url, title: row.sourcetitle || url };
    if (row.publisher) source.publisher = row.publisher;
    if (row.sourcekind) source.kind = row.sourcekind.toLowerCase();
    if (row.sourcedate) source.date = row.sourcedate;
    deal.sources = url === '' ? [] : [source];
    if (row.note) deal.note = row.note;
    return deal;
  });
  if (generatedIds > 0) warnings.push(`${file}: ${generatedIds} deal${generatedIds === 1 ? ' had' : 's had'} no id; ids were made from the firms and the date`);
  if (defaultedStatus > 0) warnings.push(`${file}: no status given for ${defaultedStatus} deal${defaultedStatus === 1 ? '' : 's'}; recorded as unconfirmed`);
  return deals;
}

/** A deal's source fields as the CSV columns that give them. */
const CSV_COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  'sources[0].url': 'sourceUrl',
  'sources[0].title': 'sourceTitle',
  'sources[0].publisher': 'publisher',
  'sources[0].kind': 'sourceKind',
  'sources[0].date': 'sourceDate',
  'balance.equityUsd': 'equityUsd',
  'balance.cashUsd': 'cashUsd',
  'balance.marketCapUsd': 'marketCapUsd',
  'balance.asOf': 'balanceAsOf',
  'balance.basis': 'balanceBasis',
  'balance.source.url': 'balanceSourceUrl',
};

/** Problems about `deals[3]` of a CSV file speak of its spreadsheet row (and columns) instead. */
function toRows(problems: Problem[], file: string, collection: string, table: CsvTable): Problem[] {
  return problems.map((p) => {
    const match = p.file === file && p.record ? /^(\w+)\[(\d+)\]$/.exec(p.record) : null;
    if (!match || match[1] !== collection) return p;
    const field = p.field !== null && Object.hasOwn(CSV_COLUMN_OF_FIELD, p.field) ? (CSV_COLUMN_OF_FIELD[p.field] as string) : p.field;
    return { ...p, record: `row ${table.rowNumbers[Number(match[2])] ?? Number(match[2]) + 2}`, field };
  });
}

/** One problem per file, record and field: the first, most specific, is kept. */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.record}\u0000${p.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads, converts and validates the files; the data set, or every problem (and the warnings). */
/** Where an import has got to, for a progress line: reading a file, or checking its records. */
export type ImportProgress = { stage: 'reading'; file: string } | { stage: 'checking'; deals: number };

export function importDataSet(files: readonly ImportFile[], options: ImportOptions = {}, onProgress?: (progress: ImportProgress) => void): ImportResult {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  if (files.length === 0) return { ok: false, problems: [fileProblem('(no file)', 'choose a deals file (JSON or CSV), and optionally an entities file')], warnings };
  const sources = files
    .map((f) => {
      onProgress?.({ stage: 'reading', file: f.name });
      return classify(f, problems);
    })
    .filter((s): s is Source => s !== null);
  const entitySources = sources.filter((s) => s.kind === 'entities-json' || s.kind === 'entities-csv');
  const dealSources = sources.filter((s) => s.kind === 'deals-json' || s.kind === 'deals-csv');
  if (entitySources.length > 1) problems.push(fileProblem(entitySources.map((s) => s.file).join(', '), 'are all entities files; give one'));
  if (dealSources.length > 1) problems.push(fileProblem(dealSources.map((s) => s.file).join(', '), 'are all deals files; give one'));
  if (dealSources.length === 0 && problems.length === 0) problems.push(fileProblem(files.map((f) => f.name).join(', '), 'no deals file among them; give a deals JSON or CSV'));
  if (problems.length > 0) return { ok: false, problems, warnings };

  const entitySource = entitySources[0];
  const dealSource = dealSources[0] as Source;
  let entities: Array<Record<string, unknown>>;
  let entitiesDoc: unknown;
  if (entitySource?.kind === 'entities-json') {
    entitiesDoc = entitySource.doc;
    const list = (entitySource.doc as { entities?: unknown }).entities;
    entities = Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
  } else if (entitySource?.kind === 'entities-csv') {
    entities = entitiesFromCsv(entitySource.table, entitySource.file, warnings);
    entitiesDoc = { entities };
  } else {
    entities = [...(options.knownEntities ?? [])] as unknown as Array<Record<string, unknown>>;
    entitiesDoc = { entities };
  }

  let dealsDoc: unknown;
  const firms = new FirmResolver(entities as Array<Partial<Entity>>);
  if (dealSource.kind === 'deals-csv') {
    dealsDoc = { deals: dealsFromCsv(dealSource.table, dealSource.file, firms, problems, warnings) };
  } else if (dealSource.kind === 'deals-json') {
    dealsDoc = dealSource.doc;
  }
  // Without an entities file, the set holds the known firms its deals name, and the new ones.
  if (!entitySource) {
    const named = new Set<string>();
    const list = (dealsDoc as { deals?: unknown }).deals;
    if (Array.isArray(list)) {
      for (const deal of list as Array<Record<string, unknown>>) {
        if (typeof deal.from === 'string') named.add(deal.from);
        if (typeof deal.to === 'string') named.add(deal.to);
      }
    }
    entitiesDoc = { entities: [...entities.filter((e) => named.has(e.id as string)), ...firms.created] };
  } else if (firms.created.length > 0) {
    entitiesDoc = { entities: [...entities, ...firms.created] };
  }

  const dealList = (dealsDoc as { deals?: unknown } | undefined)?.deals;
  onProgress?.({ stage: 'checking', deals: Array.isArray(dealList) ? dealList.length : 0 });
  const names = { entities: entitySource?.file ?? 'entities (from the loaded data set)', deals: dealSource.file };
  const result = validateDataSet(entitiesDoc, dealsDoc, names);
  if (!result.ok) {
    let mapped = result.problems;
    if (dealSource.kind === 'deals-csv') mapped = toRows(mapped, dealSource.file, 'deals', dealSource.table);
    if (entitySource?.kind === 'entities-csv') mapped = toRows(mapped, entitySource.file, 'entities', entitySource.table);
    for (const problem of mapped) problems.push(problem);
  }
  if (problems.length > 0 || !result.ok) return { ok: false, problems: capProblems(unique(problems)), warnings };
  let notes = result.notes;
  if (dealSource.kind === 'deals-csv') notes = toRows(notes, dealSource.file, 'deals', dealSource.table);
  for (const note of notes) warnings.push(formatProblem(note));
  return { ok: true, data: result.data, warnings, name: files.map((f) => f.name).join(' + ') };
}
