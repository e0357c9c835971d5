/**
 * Reading a spreadsheet export into rows of named cells, with papaparse: quoted fields, commas and
 * newlines inside quotes, a UTF-8 byte-order mark, and `,`, `;` or tab as the separator.
 */
import Papa from 'papaparse';
import type { Problem } from '../problem.js';

export interface CsvTable {
  /** Column names as written, trimmed. */
  columns: string[];
  /** One record per data row; keys are lowercase column names. */
  rows: Array<Record<string, string>>;
  /** Spreadsheet row number of each record (the header is row 1). */
  rowNumbers: number[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: Problem[] };

const fileProblem = (file: string, message: string): Problem => ({ file, record: null, recordId: null, field: null, message });

/**
 * A cell without the leading `'` our CSV export (and spreadsheets) put before text that would
 * start a formula (=, +, -, @, tab, CR); any other leading `'` is the analyst's and stays.
 */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function readCsv(text: string, file: string): CsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [fileProblem(file, 'the file is empty')] };
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
  const problems: Problem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .slice(0, 20)
    .map((e) => fileProblem(file, `row ${(e.row ?? 0) + 1}: ${e.message.replace(/\.$/, '').toLowerCase()}`));
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...records] = parsed.data;
  if (!header) return { ok: false, problems: [fileProblem(file, 'the file has no header row')] };
  const columns = header.map((c) => unguardCell(c).trim());
  const keys = columns.map((c) => c.toLowerCase());
  // A repeated column would silently lose all but its last cells.
  const firstColumn = new Map<string, number>();
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as string;
    const first = firstColumn.get(key);
    if (key === '') continue;
    if (first === undefined) firstColumn.set(key, j);
    else problems.push(fileProblem(file, `the column ${JSON.stringify(columns[j])} appears twice in the header (columns ${first + 1} and ${j + 1}); keep one`));
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows: Array<Record<string, string>> = [];
  const rowNumbers: number[] = [];
  records.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return; // blank lines are not data
    const row: Record<string, string> = {};
    keys.forEach((key, j) => {
      if (key !== '') row[key] = unguardCell(cells[j] ?? '').trim();
    });
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { ok: true, table: { columns, rows, rowNumbers } };
}
