/**
 * A problem found in a data set: which file, which record, which field, and why.
 */

export interface Problem {
  /** File name as the user knows it, e.g. `deals.json`. */
  file: string;
  /** Record position, e.g. `deals[3]`; null for a problem with the whole file. */
  record: string | null;
  /** The record's id when it has a readable one. */
  recordId: string | null;
  /** Field path inside the record, e.g. `amountUsd` or `sources[0].url`; null for the whole record. */
  field: string | null;
  message: string;
}

/** One line: `deals.json, deals[3] "nvidia-openai", amountUsd: must not be negative (got -5)`. */
export function formatProblem(problem: Problem): string {
  let where = problem.file;
  if (problem.record !== null) {
    where += `, ${problem.record}`;
    if (problem.recordId !== null) where += ` ${JSON.stringify(problem.recordId)}`;
  }
  if (problem.field !== null) where += `, ${problem.field}`;
  return `${where}: ${problem.message}`;
}

/** A value shown inside a message: JSON-quoted and cut short so hostile input cannot flood the output. */
export function showValue(value: unknown, maxLength = 60): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** How many problems of one kind (file and field) are listed before the rest are only counted. */
export const PROBLEMS_LISTED_PER_KIND = 50;

/**
 * Keeps the first `perKind` problems of each kind (same file and field, record numbers aside) and
 * adds, per kind with more, one line "… and 199,950 more of the same kind". Linear in the count.
 */
export function capProblems(problems: readonly Problem[], perKind = PROBLEMS_LISTED_PER_KIND): Problem[] {
  const counts = new Map<string, { first: Problem; count: number }>();
  const listed: Problem[] = [];
  for (const problem of problems) {
    const key = `${problem.file}\u0000${problem.field === null ? '' : problem.field.replace(/\[\d+\]/g, '[]')}`;
    const kind = counts.get(key);
    if (kind === undefined) counts.set(key, { first: problem, count: 1 });
    else kind.count++;
    if ((kind?.count ?? 1) <= perKind) listed.push(problem);
  }
  for (const { first, count } of counts.values()) {
    if (count <= perKind) continue;
    listed.push({ file: first.file, record: null, recordId: null, field: first.field, message: `… and ${(count - perKind).toLocaleString('en-US')} more of the same kind` });
  }
  return listed;
}
