/**
 * Validation of a data set: the JSON Schema in data/schema/ (the same files editors use, compiled
 * into src/data/generated/ by scripts/generate-validators.mjs) checks each record's shape; the cross-record rules a schema cannot express follow. Every problem is reported at
 * once, each naming file, record, field and reason.
 *
 * Why one long file: each cross-record rule is a few lines over the same indexes of the set
 * (firms, deals, successors, sources); together they are the one contract of a valid data set.
 */
import type { ErrorObject } from 'ajv';
import { validateDeal, validateDeals, validateEntities, validateEntity, type CompiledValidator } from './generated/validators.js';
import { isValidDate, periodStart } from './dates.js';
import { capProblems, showValue, type Problem } from './problem.js';
import { AMOUNT_BASES, DEAL_STATUSES, DEAL_TYPES, ENTITY_KINDS, FLOW_KINDS, SOURCE_KINDS, type DataSet } from './types.js';

export interface FileNames {
  entities: string;
  deals: string;
}

export const DEFAULT_FILE_NAMES: FileNames = { entities: 'entities.json', deals: 'deals.json' };

export interface ValidateOptions {
  /** Check that each deal's firms exist (off when the entities file could not be read). */
  checkReferences?: boolean;
}

/**
 * The data set with notes (worth knowing, not blocking: a deal whose only sources are copies), or
 * every problem found.
 */
export type ValidationResult = { ok: true; data: DataSet; notes: Problem[] } | { ok: false; problems: Problem[] };


type Collection = 'entities' | 'deals' | 'steps';

const ENUM_NAMES: Record<string, { noun: string; values: readonly string[] }> = {
  kind: { noun: 'entity kind', values: ENTITY_KINDS },
  type: { noun: 'deal type', values: DEAL_TYPES },
  status: { noun: 'deal status', values: DEAL_STATUSES },
  amountBasis: { noun: 'amount basis', values: AMOUNT_BASES },
  flow: { noun: 'flow kind', values: FLOW_KINDS },
  sourceKind: { noun: 'source kind', values: SOURCE_KINDS },
};

const PATTERN_MESSAGES: Record<string, string> = {
  id: 'must be a lowercase slug (letters, digits and single hyphens, e.g. "blue-owl")',
  date: 'is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY)',
  url: 'must be an http(s) URL',
  ticker: 'must be an upper-case ticker symbol (e.g. "NVDA")',
  country: 'must be a two-letter upper-case country code (e.g. "US")',
  title: 'must be one line of plain text, without control characters',
  caption: 'must be plain text, without control characters other than line breaks',
  data: 'must be a data set fingerprint (lowercase letters, digits and hyphens)',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readableId(record: unknown): string | null {
  return isRecord(record) && typeof record.id === 'string' && record.id.length > 0 ? record.id : null;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** `["sources", "0", "url"]` → `sources[0].url`. */
function fieldPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeSchemaError(error: ErrorObject, value: unknown, fieldName: string): string {
  switch (error.keyword) {
    case 'required':
      return 'is missing';
    case 'additionalProperties':
      return 'is not a known field';
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type)
        .split(',')
        .map((t) => (t === 'object' ? 'an object' : t === 'array' ? 'a list' : t === 'null' ? 'null' : `a ${t}`))
        .join(' or ');
      return `must be ${expected} (got ${showValue(value)})`;
    }
    case 'enum': {
      const known = ENUM_NAMES[fieldName];
      if (known) return `${showValue(value)} is not a known ${known.noun}; expected one of ${known.values.join(', ')}`;
      return `${showValue(value)} is not an allowed value`;
    }
    case 'minimum':
      return (error.params as { limit: number }).limit < 0
        ? `is below -$100 trillion (got ${showValue(value)}); give the amount in US dollars`
        : `must not be negative (got ${showValue(value)})`;
    case 'maximum':
      return `is above $100 trillion (got ${showValue(value)}); give the amount in US dollars, at most 1e14`;
    case 'minItems':
      return fieldName === 'sources' ? 'must list at least one source' : 'must not be empty';
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `is too long (${typeof value === 'string' ? value.length : '?'} characters; at most ${String((error.params as { limit: number }).limit)})`;
    case 'pattern':
      return `${PATTERN_MESSAGES[fieldName] ?? 'has the wrong form'} (got ${showValue(value)})`;
    default:
      return error.message ?? `fails the ${error.keyword} rule`;
  }
}

/**
 * The name a field's messages are looked up by: its own, except a source's kind ("primary", …),
 * which is not a firm's kind, and dates and ids under other names.
 */
function schemaFieldName(inner: readonly string[]): string {
  const name = [...inner].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
  if (name === 'kind' && (inner.includes('sources') || inner.includes('source'))) return 'sourceKind';
  if (name === 'endDate' || name === 'acquiredDate' || name === 'asOf') return 'date';
  if (name === 'acquiredBy') return 'id';
  return name;
}

/** Collects problems into a list, deduplicated (one problem per file, record and field). */
class ProblemList {
  readonly items: Problem[] = [];
  private readonly seen = new Set<string>();

  add(problem: Problem): void {
    const key = `${problem.file}\u0000${problem.record}\u0000${problem.field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(problem);
  }
}

/**
 * The schema's problems with a document: its outer shape first (with the list emptied), then each
 * record on its own, so the work grows linearly with the number of bad records.
 */
function schemaProblems(
  validateDocument: CompiledValidator,
  validateRecord: CompiledValidator,
  doc: unknown,
  collection: Collection,
  file: string,
  problems: ProblemList,
): void {
  const list = isRecord(doc) ? doc[collection] : undefined;
  const records = Array.isArray(list) ? list : null;
  const outer = records === null ? doc : { ...(doc as Record<string, unknown>), [collection]: [] };
  if (!validateDocument(outer)) reportSchemaErrors(validateDocument.errors ?? [], [], doc, collection, file, problems);
  if (records === null) return;
  for (let index = 0; index < records.length; index++) {
    if (!validateRecord(records[index])) reportSchemaErrors(validateRecord.errors ?? [], [collection, String(index)], doc, collection, file, problems);
  }
}

/**
 * The schema's problems with a document whose records sit in one list (a story's steps): the same
 * messages, naming the file, the record and the field, as the data files get.
 */
export function documentSchemaProblems(validate: CompiledValidator, doc: unknown, collection: 'steps', file: string): Problem[] {
  const problems = new ProblemList();
  if (!validate(doc)) reportSchemaErrors(validate.errors ?? [], [], doc, collection, file, problems);
  return problems.items;
}

/** Turns Ajv's errors (paths relative to `prefix` inside `doc`) into problems. */
function reportSchemaErrors(
  errors: readonly ErrorObject[],
  prefix: readonly string[],
  doc: unknown,
  collection: Collection,
  file: string,
  problems: ProblemList,
): void {
  for (const error of errors) {
    const segments = [...prefix, ...decodePointer(error.instancePath)];
    if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
    if (error.keyword === 'additionalProperties') {
      segments.push((error.params as { additionalProperty: string }).additionalProperty);
    }
    const value = valueAt(doc, segments);
    if (segments.length === 0) {
      problems.add({
        file,
        record: null,
        recordId: null,
        field: null,
        message: `must be a JSON object like {"${collection}": [...]}`,
      });
      continue;
    }
    const isRecordLevel = segments[0] === collection && segments.length >= 2;
    if (!isRecordLevel) {
      problems.add({
        file,
        record: null,
        recordId: null,
        field: fieldPath(segments),
        message: describeSchemaError(error, value, segments[segments.length - 1] ?? ''),
      });
      continue;
    }
    const index = segments[1] ?? '';
    const record = valueAt(doc, [collection, index]);
    const inner = segments.slice(2);
    const fieldName = schemaFieldName(inner);
    problems.add({
      file,
      record: `${collection}[${index}]`,
      recordId: readableId(record),
      field: inner.length > 0 ? fieldPath(inner) : null,
      message: inner.length > 0 ? describeSchemaError(error, value, fieldName) : 'must be an object',
    });
  }
}

function listOf(doc: unknown, collection: Collection): unknown[] {
  const list = isRecord(doc) ? doc[collection] : undefined;
  return Array.isArray(list) ? list : [];
}

/** URLs already checked: a large set often cites one page many times, and parsing a URL is not cheap. */
const checkedUrls = new Map<string, boolean>();

function isHttpUrl(text: string): boolean {
  let valid = checkedUrls.get(text);
  if (valid === undefined) {
    try {
      const url = new URL(text);
      valid = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      valid = false;
    }
    if (checkedUrls.size >= 100_000) checkedUrls.clear();
    checkedUrls.set(text, valid);
  }
  return valid;
}

/** Dates already checked (whether each is in the schema's form but no calendar date); data sets repeat their months. */
const checkedDates = new Map<string, boolean>();

/** A date field in the schema's form that is no calendar date (2025-02-30): its message, or null. */
function dateFieldProblem(record: Record<string, unknown>, field: string): string | null {
  const date = record[field];
  if (typeof date !== 'string') return null;
  let wrong = checkedDates.get(date);
  if (wrong === undefined) {
    wrong = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) && !isValidDate(date);
    if (checkedDates.size >= 100_000) checkedDates.clear();
    checkedDates.set(date, wrong);
  }
  return wrong ? `${PATTERN_MESSAGES.date} (got ${showValue(date)})` : null;
}

/** Reports a date field in the schema's form that is no calendar date. */
function checkDateField(record: Record<string, unknown>, field: string, report: (field: string, message: string) => void): void {
  const message = dateFieldProblem(record, field);
  if (message !== null) report(field, message);
}

const DEAL_DATE_FIELDS = ['date', 'endDate'] as const;

/** Rules across records, and checks the schema's patterns are too coarse for. */
function crossRecordProblems(
  entitiesDoc: unknown,
  dealsDoc: unknown,
  files: FileNames,
  checkReferences: boolean,
  problems: ProblemList,
  notes: Problem[],
): void {
  if (isRecord(dealsDoc)) checkDateField(dealsDoc, 'asOf', (field, message) => problems.add({ file: files.deals, record: null, recordId: null, field, message }));
  const entities = listOf(entitiesDoc, 'entities');
  const deals = listOf(dealsDoc, 'deals');
  const at = (collection: Collection, index: number, record: unknown, field: string, message: string): Problem => ({
    file: collection === 'entities' ? files.entities : files.deals,
    record: `${collection}[${index}]`,
    recordId: readableId(record),
    field,
    message,
  });

  const entityIds = new Map<string, number>();
  entities.forEach((entity, index) => {
    const id = readableId(entity);
    if (id === null) return;
    const first = entityIds.get(id);
    if (first !== undefined) {
      problems.add(at('entities', index, entity, 'id', `duplicate id; first used by entities[${first}]`));
    } else entityIds.set(id, index);
  });

  entities.forEach((entity, index) => {
    if (!isRecord(entity)) return;
    checkDateField(entity, 'acquiredDate', (field, message) => problems.add(at('entities', index, entity, field, message)));
    const balance = entity.balance;
    if (isRecord(balance)) {
      checkDateField(balance, 'asOf', (field, message) => problems.add(at('entities', index, entity, `balance.${field}`, message)));
      if (isRecord(balance.source)) checkDateField(balance.source, 'date', (field, message) => problems.add(at('entities', index, entity, `balance.source.${field}`, message)));
    }
    const acquirer = entity.acquiredBy;
    if (typeof acquirer === 'string') {
      const acquirerIndex = entityIds.get(acquirer);
      const acquirerRecord = acquirerIndex === undefined ? undefined : entities[acquirerIndex];
      if (acquirer === entity.id) problems.add(at('entities', index, entity, 'acquiredBy', 'a firm cannot acquire itself'));
      else if (!isRecord(acquirerRecord)) problems.add(at('entities', index, entity, 'acquiredBy', `unknown firm ${showValue(acquirer)}`));
      else if (typeof acquirerRecord.acquiredBy === 'string') {
        problems.add(at('entities', index, entity, 'acquiredBy', `${showValue(acquirer)} was itself acquired (by ${showValue(acquirerRecord.acquiredBy)}); name the last acquirer`));
      }
      if (entity.acquiredDate === undefined) problems.add(at('entities', index, entity, 'acquiredDate', 'is missing: an acquisition needs the date it completed'));
    } else if (entity.acquiredDate !== undefined) {
      problems.add(at('entities', index, entity, 'acquiredBy', 'is missing: acquiredDate needs the acquiring firm'));
    }
  });

  const dealIds = new Map<string, number>();
  const supersessions: Array<{ index: number; deal: Record<string, unknown>; successor: string }> = [];
  deals.forEach((deal, index) => {
    if (!isRecord(deal)) return;
    const id = readableId(deal);
    if (id !== null) {
      const first = dealIds.get(id);
      if (first !== undefined) problems.add(at('deals', index, deal, 'id', `duplicate id; first used by deals[${first}]`));
      else dealIds.set(id, index);
      // The graph, the picture and ?deal= / ?firm= links share one id space for firms and deals.
      const firm = entityIds.get(id);
      if (firm !== undefined) {
        problems.add(
          at('deals', index, deal, 'id', `is also the id of a firm (${files.entities}, entities[${firm}] ${showValue(id)}); firms and deals share one id space, so give the deal another id`),
        );
      }
    }
    for (const end of ['from', 'to'] as const) {
      const firm = deal[end];
      if (checkReferences && typeof firm === 'string' && !entityIds.has(firm)) {
        problems.add(at('deals', index, deal, end, `unknown firm ${showValue(firm)}; add it to ${files.entities} first`));
      }
    }
    if (typeof deal.from === 'string' && deal.from === deal.to) {
      problems.add(at('deals', index, deal, 'to', `a deal cannot go from a firm to itself (${showValue(deal.from)})`));
    }
    for (const field of DEAL_DATE_FIELDS) {
      const message = dateFieldProblem(deal, field);
      if (message !== null) problems.add(at('deals', index, deal, field, message));
    }
    if (typeof deal.endDate === 'string' && typeof deal.date === 'string' && isValidDate(deal.endDate) && isValidDate(deal.date) && periodStart(deal.endDate) < periodStart(deal.date)) {
      problems.add(at('deals', index, deal, 'endDate', `is before the deal's date (${showValue(deal.endDate)} < ${showValue(deal.date)})`));
    }
    const amount = deal.amountUsd;
    if (typeof deal.supersededBy === 'string') supersessions.push({ index, deal, successor: deal.supersededBy });
    if (typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 && deal.amountBasis === 'undisclosed') {
      problems.add(at('deals', index, deal, 'amountBasis', 'is "undisclosed" but amountUsd gives a figure; use null for an undisclosed amount'));
    }
    if (amount === null && typeof deal.amountBasis === 'string' && deal.amountBasis !== 'undisclosed') {
      problems.add(at('deals', index, deal, 'amountBasis', `must be "undisclosed" when amountUsd is null (got ${showValue(deal.amountBasis)})`));
    }
    const sources: unknown[] = Array.isArray(deal.sources) ? deal.sources : [];
    for (let sourceIndex = 0; sourceIndex < sources.length; sourceIndex++) {
      const source = sources[sourceIndex];
      if (!isRecord(source)) continue;
      const url = source.url;
      if (typeof url === 'string' && !isHttpUrl(url) && /^https?:\/\//i.test(url)) {
        problems.add(at('deals', index, deal, `sources[${sourceIndex}].url`, `${PATTERN_MESSAGES.url} (got ${showValue(url)})`));
      }
      const message = dateFieldProblem(source, 'date');
      if (message !== null) problems.add(at('deals', index, deal, `sources[${sourceIndex}].date`, message));
    }
    if (sources.length > 0 && sources.every((source) => isRecord(source) && source.kind === 'copy')) {
      notes.push(at('deals', index, deal, 'sources', 'every source is a copy of a report; add the original report or a primary source'));
    }
  });

  const changes = isRecord(dealsDoc) && Array.isArray(dealsDoc.changes) ? dealsDoc.changes : [];
  changes.forEach((change, index) => {
    if (!isRecord(change)) return;
    checkDateField(change, 'date', (field, message) => problems.add({ file: files.deals, record: `changes[${index}]`, recordId: null, field, message }));
    for (const list of ['added', 'changed'] as const) {
      const ids = Array.isArray(change[list]) ? (change[list] as unknown[]) : [];
      const unknown = ids.find((id) => typeof id === 'string' && !dealIds.has(id));
      if (typeof unknown === 'string') problems.add({ file: files.deals, record: `changes[${index}]`, recordId: null, field: list, message: `names ${showValue(unknown)}, which is not a deal of the data set` });
    }
    const removed = Array.isArray(change.removed) ? (change.removed as unknown[]) : [];
    const kept = removed.find((id) => typeof id === 'string' && dealIds.has(id));
    if (typeof kept === 'string') problems.add({ file: files.deals, record: `changes[${index}]`, recordId: null, field: 'removed', message: `names ${showValue(kept)}, which is still a deal of the data set` });
  });

  for (const { index, deal, successor } of supersessions) {
    const successorIndex = dealIds.get(successor);
    const later = successorIndex === undefined ? undefined : deals[successorIndex];
    if (successor === deal.id) {
      problems.add(at('deals', index, deal, 'supersededBy', 'a deal cannot supersede itself'));
    } else if (!isRecord(later)) {
      problems.add(at('deals', index, deal, 'supersededBy', `unknown deal ${showValue(successor)}`));
    } else if (later.from !== deal.from || later.to !== deal.to) {
      problems.add(
        at('deals', index, deal, 'supersededBy', `${showValue(successor)} is between other firms; a deal can only be superseded by one from the same firm to the same firm`),
      );
    }
  }
}

/**
 * Validates two parsed documents (`{"entities": [...]}` and `{"deals": [...]}`) and returns the data
 * set, or every problem found.
 */
export function validateDataSet(
  entitiesDoc: unknown,
  dealsDoc: unknown,
  files: FileNames = DEFAULT_FILE_NAMES,
  options: ValidateOptions = {},
): ValidationResult {
  const problems = new ProblemList();
  schemaProblems(validateEntities, validateEntity, entitiesDoc, 'entities', files.entities, problems);
  schemaProblems(validateDeals, validateDeal, dealsDoc, 'deals', files.deals, problems);
  const notes: Problem[] = [];
  crossRecordProblems(entitiesDoc, dealsDoc, files, options.checkReferences ?? true, problems, notes);
  if (problems.items.length > 0) return { ok: false, problems: capProblems(problems.items) };
  const data: DataSet = {
    entities: listOf(entitiesDoc, 'entities') as DataSet['entities'],
    deals: listOf(dealsDoc, 'deals') as DataSet['deals'],
  };
  const asOf = isRecord(dealsDoc) ? dealsDoc.asOf : undefined;
  if (typeof asOf === 'string') data.asOf = asOf;
  const changes = isRecord(dealsDoc) ? dealsDoc.changes : undefined;
  if (Array.isArray(changes)) data.changes = changes as DataSet['changes'];
  return { ok: true, data, notes: capProblems(notes) };
}
