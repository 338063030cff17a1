/**
 * The common row of activities.csv taken whole. Of a log of millions of rows nearly every row is
 * alike: clean cells, a known type, an ISO date, an owner and account of users.csv and
 * accounts.csv. Such a row is read straight from its fields and added to the activity facts in
 * one step, with one lookup per cell: its type, date and owner each come from a table of the
 * distinct texts seen (the type's kind, the date's day number, the owner's counts), and no row
 * object is made for a row that is only counted.
 *
 * A row that is a line without quotes is taken before it is split (`bindLine`, offered by the
 * CSV reader): its cells are judged and looked up where they stand in the parser's text, so
 * such a row makes no string but its id (and its deal, when it names one). A line it cannot
 * judge that way (a cell that may be a null marker, a field count other than the header's) is
 * split and offered as fields (`bind`).
 *
 * Any other row is left to the general reading (src/validate/validate-file.ts with the activity
 * schema, then the activity log's `keep`), untouched: a cell that `cleanCell` would change (as
 * an id or date), an unknown type, a date that does not parse, an empty required cell, an
 * account not in accounts.csv, a given cell (`GIVEN_ACTIVITY_COLUMNS`, as a duration) its kind's
 * cell reader cannot read, or a repeated id. What a row
 * adds to the facts and whether it is kept is decided by the same functions both ways
 * (`addActivityOf`, `flaggedRow`), so the facts and kept rows do not depend on which way a row
 * went (test/pipeline/activity-log/quick-rows.test.ts reads the same logs both ways).
 */
import { isoDateDay } from '../../ingest/parse-date.ts';
import { activityKindOf, addActivityOf, ownerFacts, type ActivityFacts, type ActivityKind, type OwnerFacts } from '../../model/activity-facts.ts';
import type { ActivityType, IsoDate } from '../../core/records.ts';
import { dayNumber, isoDateOf } from '../../periods/calendar.ts';
import { flaggedRow } from '../../quality/flag-activity.ts';
import { activityTypeLookup, detachActivity, GIVEN_ACTIVITY_COLUMNS, newActivity } from '../../schemas/activities.ts';
import { CellFailure, cellReaders, cleanCellFast, plainCellAt, valueKey } from '../../schemas/cells.ts';
import { FingerprintTable } from '../../speed/fingerprint-table.ts';
import { own, rememberLast } from '../../speed/intern.ts';
import type { Settings } from '../../settings/schema.ts';
import type { IdFingerprints } from '../../speed/id-fingerprints.ts';
import type { QuickLine, QuickRow, QuickRows } from '../../validate/validate-file.ts';
import { keepRow, type KeptRows } from './transfer.ts';
import { dayWindow, isPlausibleDay } from '../../ingest/plausible-date.ts';

export interface QuickLogInput {
  settings: Settings;
  asOf: IsoDate;
  facts: ActivityFacts;
  /** users.csv's ids (undefined when the file is absent: owners are then not checked). */
  users: FingerprintTable | undefined;
  /** accounts.csv's ids (undefined when the file is absent: rows with an account are left to the general reading). */
  accounts: FingerprintTable | undefined;
  /** Activity types whose rows are kept whatever their content. */
  keptTypes: ReadonlySet<ActivityType>;
  kept: KeptRows;
}

/** A type's kind, and whether its rows are kept. */
interface QuickKind extends ActivityKind {
  kept: boolean;
}

/** An owner text seen: the id the facts and kept rows use, and whether users.csv lists it. */
interface QuickOwner {
  id: string;
  known: boolean;
  facts: OwnerFacts | undefined;
}

/** Distinct texts remembered per table; past these, rows with new texts go the general way. */
const MAX_TYPES = 10_000;
const MAX_OWNERS = 100_000;

/** A cell as the general reading reads it (`cleanCell`), when that is the text as written; else undefined. */
function asWritten(raw: string): string | undefined {
  return cleanCellFast(raw) === raw ? raw : undefined;
}

export function activityQuickRows(input: QuickLogInput): QuickRows {
  const tables = quickTables(input);
  const take = quickTaker(input);
  return {
    bind(position, ids, file): QuickRow | undefined {
      const at = positionsOf(position);
      return at === undefined ? undefined : fieldsReader(tables, take, input.accounts, at, ids, file);
    },
    bindLine(position, ids, file, fieldCount, delimiter): QuickLine | undefined {
      const at = positionsOf(position);
      if (at === undefined || delimiter.length !== 1) return undefined;
      return lineReader(tables, take, input.accounts, at, ids, file, fieldCount, delimiter);
    },
  };
}

/**
 * The distinct type, date and owner texts seen, each judged once. Type and owner texts by
 * fingerprint (src/speed/fingerprint-table.ts): a table of a few hundred texts stays in the
 * processor's cache, and a lookup reads no stored string.
 */
function quickTables({ settings, users, keptTypes, facts }: QuickLogInput) {
  const typeLookup = activityTypeLookup(settings);
  const readDate = cellReaders(settings).requiredDate;
  const window = dayWindow(settings.plausibleYears);
  const kindTexts = new FingerprintTable();
  const kinds: (QuickKind | null)[] = [];
  const ownerTexts = new FingerprintTable();
  const owners: QuickOwner[] = [];
  const kindOf = (text: string): QuickKind | null => {
    const place = kindTexts.placeOf(text);
    if (place >= 0) return kinds[place]!;
    const type = typeLookup.get(valueKey(text));
    const kind = type === undefined ? null : { ...activityKindOf(facts, type), kept: keptTypes.has(type) };
    if (kindTexts.size < MAX_TYPES) kinds[kindTexts.placeOrAdd(text, own)] = kind;
    return kind;
  };
  /** The day number of a date cell, NaN when the general reading is to read it. */
  const dayOfText = (text: string): number => {
    const iso = isoDateDay(text);
    if (iso === iso) return isPlausibleDay(iso, window) ? iso : Number.NaN;
    // Other forms as the cell reader reads them, if their day gives back the same text (the kept rows carry it).
    const value = readDate(text);
    if (value instanceof CellFailure) return Number.NaN;
    const day = dayNumber(value as IsoDate);
    return day === day && isoDateOf(day) === value ? day : Number.NaN; // NaN: a date written with fewer than four year digits
  };
  // A log in date order repeats the date of the row before.
  const dayOf = rememberLast(dayOfText);
  const ownerOf = (text: string): QuickOwner | undefined => {
    const place = ownerTexts.placeOf(text);
    if (place >= 0) return owners[place];
    if (ownerTexts.size >= MAX_OWNERS) return undefined;
    const shared = users?.get(text);
    const owner = { id: shared ?? own(text), known: shared !== undefined, facts: undefined };
    owners[ownerTexts.placeOrAdd(owner.id)] = owner;
    return owner;
  };

  // The given columns read by their kinds' cell readers, as the general reading reads them.
  const readers = cellReaders(settings);
  const readGiven = GIVEN_ACTIVITY_COLUMNS.map(({ kind }) => readers[kind]);

  return { kindTexts, kinds, kindOf, dayOfText, dayOf, ownerTexts, owners, ownerOf, readGiven };
}

type QuickTables = ReturnType<typeof quickTables>;

/** The canonical columns' field positions, or undefined when the rows cannot be taken (no type, date or owner). */
function positionsOf(position: (column: string) => number): Positions | undefined {
  const at = COLUMNS.map(position) as Positions;
  return at[TYPE] < 0 || at[DATE] < 0 || at[OWNER] < 0 ? undefined : at;
}

/**
 * The rest of a row whose cells are read: its id checked, then added to the facts and kept as
 * the general reading would. False (nothing changed) when the general reading is to read it.
 */
function quickTaker({ asOf, facts, users, accounts, kept }: QuickLogInput) {
  return (
    ids: IdFingerprints,
    file: string,
    line: number,
    id: string,
    kind: QuickKind,
    day: number,
    owner: QuickOwner,
    accountPlace: number,
    dealText: string,
    given: readonly unknown[],
  ): boolean => {
    if (id !== '' && ids.firstLineOrAdd(id, line) !== undefined) return false;
    // Accepted: the same additions as the general reading's.
    const accountId = accountPlace < 0 ? undefined : accounts!.at(accountPlace);
    const dealId = dealText === '' ? undefined : dealText;
    const date = isoDateOf(day);
    if (facts.rows === 0) facts.file = file;
    owner.facts ??= ownerFacts(facts, owner.id);
    addActivityOf(facts, owner.facts, kind, date, day, accountId, accountPlace, dealId);
    if (kind.kept || flaggedRow(asOf, date, kind.type, false, users !== undefined && !owner.known)) {
      const row = newActivity({ file, line, id, type: kind.type, date, ownerId: owner.id, accountId, dealId }, given);
      keepRow(kept, detachActivity(row), accountPlace);
    }
    return true;
  };
}

type Take = ReturnType<typeof quickTaker>;

/** A row split into fields, read where its cells stand. */
function fieldsReader(tables: QuickTables, take: Take, accounts: FingerprintTable | undefined, at: Positions, ids: IdFingerprints, file: string): QuickRow {
  const { kindOf, dayOf, ownerOf, readGiven } = tables;
  const [idAt, typeAt, dateAt, ownerAt, accountAt, dealAt] = at;
  const givenAt = at.slice(SPECIAL.length);
  const given: unknown[] = [];
  const cell = (fields: readonly string[], at: number): string | undefined => (at < 0 ? '' : asWritten(fields[at]!));

  return (fields, line) => {
    const id = cell(fields, idAt);
    const typeText = cell(fields, typeAt);
    const dateText = cell(fields, dateAt);
    const ownerText = cell(fields, ownerAt);
    const accountText = cell(fields, accountAt);
    const dealText = cell(fields, dealAt);
    if (id === undefined || !typeText || !dateText || !ownerText || accountText === undefined || dealText === undefined) {
      return false;
    }
    for (let i = 0; i < givenAt.length; i++) {
      const text = cell(fields, givenAt[i]!);
      if (text === undefined) return false;
      const value = readGiven[i]!(text);
      if (value instanceof CellFailure) return false;
      given[i] = value;
    }
    const kind = kindOf(typeText);
    const day = kind === null ? Number.NaN : dayOf(dateText);
    const owner = day === day ? ownerOf(ownerText) : undefined;
    if (owner === undefined) return false;
    let accountPlace = -1;
    if (accountText !== '') {
      accountPlace = accounts ? accounts.placeOf(accountText) : -1;
      if (accountPlace < 0) return false;
    }
    return take(ids, file, line, id, kind!, day, owner, accountPlace, dealText, given);
  };
}

/** A line without quotes, read before it is split: its cells judged and looked up where they stand in the parser's text. */
function lineReader(
  tables: QuickTables,
  take: Take,
  accounts: FingerprintTable | undefined,
  at: Positions,
  ids: IdFingerprints,
  file: string,
  fieldCount: number,
  delimiter: string,
): QuickLine {
  const { kindTexts, kinds, kindOf, dayOfText, ownerTexts, owners, ownerOf, readGiven } = tables;
  const [idAt, typeAt, dateAt, ownerAt, accountAt, dealAt] = at;
  const givenAt = at.slice(SPECIAL.length);
  const given: unknown[] = [];
  /** Where each field of the line ends (its delimiter, or the line's end). */
  const ends = new Int32Array(fieldCount);
  const startOf = (field: number, from: number) => (field === 0 ? from : ends[field - 1]! + 1);
  /** The text of a field (`''` for an absent column). */
  const textOf = (text: string, field: number, from: number) => (field < 0 ? '' : text.slice(startOf(field, from), ends[field]));
  // A log in date order repeats the date of the row before: compared where it stands, no slice made.
  let lastDate = '';
  let lastDay = Number.NaN;

  return (text, from, to, line) => {
    // The fields: exactly as many as the header's, or the general reading reports the row.
    let field = 0;
    let next = from;
    while (field < fieldCount - 1) {
      const delimiterAt = text.indexOf(delimiter, next);
      if (delimiterAt === -1 || delimiterAt >= to) return false;
      ends[field++] = delimiterAt;
      next = delimiterAt + 1;
    }
    const extra = text.indexOf(delimiter, next);
    if (extra !== -1 && extra < to) return false;
    ends[field] = to;
    // Every cell read here as the general reading reads it (`cleanCell`), else the row goes that way.
    for (const column of at) if (column >= 0 && !plainCellAt(text, startOf(column, from), ends[column]!)) return false;

    const typeFrom = startOf(typeAt, from);
    const typeTo = ends[typeAt]!;
    const dateFrom = startOf(dateAt, from);
    const dateTo = ends[dateAt]!;
    const ownerFrom = startOf(ownerAt, from);
    const ownerTo = ends[ownerAt]!;
    if (typeFrom === typeTo || dateFrom === dateTo || ownerFrom === ownerTo) return false;
    const typePlace = kindTexts.placeOfPart(text, typeFrom, typeTo);
    const kind = typePlace >= 0 ? kinds[typePlace]! : kindOf(text.slice(typeFrom, typeTo));
    if (kind === null) return false;
    if (dateTo - dateFrom !== lastDate.length || !text.startsWith(lastDate, dateFrom)) {
      lastDate = own(text.slice(dateFrom, dateTo));
      lastDay = dayOfText(lastDate);
    }
    const day = lastDay;
    if (day !== day) return false;
    const ownerPlace = ownerTexts.placeOfPart(text, ownerFrom, ownerTo);
    const owner = ownerPlace >= 0 ? owners[ownerPlace] : ownerOf(text.slice(ownerFrom, ownerTo));
    if (owner === undefined) return false;
    let accountPlace = -1;
    if (accountAt >= 0) {
      const accountFrom = startOf(accountAt, from);
      const accountTo = ends[accountAt]!;
      if (accountFrom !== accountTo) {
        accountPlace = accounts ? accounts.placeOfPart(text, accountFrom, accountTo) : -1;
        if (accountPlace < 0) return false;
      }
    }
    for (let i = 0; i < givenAt.length; i++) {
      const value = readGiven[i]!(textOf(text, givenAt[i]!, from));
      if (value instanceof CellFailure) return false;
      given[i] = value;
    }
    return take(ids, file, line, textOf(text, idAt, from), kind, day, owner, accountPlace, textOf(text, dealAt, from), given);
  };
}

/** The canonical columns a quick row reads itself, in this order; then the given ones (`GIVEN_ACTIVITY_COLUMNS`). */
const SPECIAL = ['id', 'type', 'date', 'owner', 'account_id', 'deal_id'] as const;
const COLUMNS: readonly string[] = [...SPECIAL, ...GIVEN_ACTIVITY_COLUMNS.map(({ name }) => name)];
const TYPE = 1;
const DATE = 2;
const OWNER = 3;
/** Field positions of `COLUMNS` (-1: absent). */
type Positions = [number, number, number, number, number, number, ...number[]];
