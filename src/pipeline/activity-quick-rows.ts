/**
 * The common row of activities.csv taken whole. Of a log of millions of rows nearly every row is
 * alike: clean cells, a known type, an ISO date, an owner and account of users.csv and
 * accounts.csv. Such a row is read straight from its fields and added to the activity facts in
 * one step, with one lookup per cell: its type, date and owner each come from a table of the
 * distinct texts seen (the type's kind, the date's day number, the owner's counts), and no row
 * object is made for a row that is only counted.
 *
 * Any other row is left to the general reading (src/validate/validate-file.ts with the activity
 * schema, then the activity log's `keep`), untouched: a cell that `cleanCell` would change (as
 * an id or date), an unknown type, a date that does not parse, an empty required cell, an
 * account not in accounts.csv, a duration that is not plain digits, or a repeated id. What a row
 * adds to the facts and whether it is kept is decided by the same functions both ways
 * (`addActivityOf`, `flaggedRow`), so the facts and kept rows do not depend on which way a row
 * went (test/pipeline/activity-quick-rows.test.ts reads the same logs both ways).
 */
import { isoDateDay } from '../ingest/parse-date.ts';
import { plainDigits } from '../ingest/parse-number.ts';
import { ACTIVITY_KINDS, addActivityOf, ownerFacts, type ActivityFacts, type ActivityKind, type OwnerFacts } from '../model/activity-facts.ts';
import type { ActivityType, IsoDate } from '../model/types.ts';
import { dayNumber, isoDateOf } from '../periods/calendar.ts';
import { flaggedRow } from '../quality/flag-activity.ts';
import { activityTypeLookup } from '../schemas/activities.ts';
import { CellFailure, cellReaders, cleanCellFast, valueKey } from '../schemas/cells.ts';
import { IdTable } from '../schemas/id-table.ts';
import { own, rememberLast } from '../schemas/intern.ts';
import type { Settings } from '../settings/schema.ts';
import type { QuickRow, QuickRows } from '../validate/validate-file.ts';
import { keepRow, type KeptRows } from './activity-transfer.ts';

export interface QuickLogInput {
  settings: Settings;
  asOf: IsoDate;
  facts: ActivityFacts;
  /** users.csv's ids (undefined when the file is absent: owners are then not checked). */
  users: IdTable | undefined;
  /** accounts.csv's ids (undefined when the file is absent: rows with an account are left to the general reading). */
  accounts: IdTable | undefined;
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

export function activityQuickRows({ settings, asOf, facts, users, accounts, keptTypes, kept }: QuickLogInput): QuickRows {
  const typeLookup = activityTypeLookup(settings);
  const readDate = cellReaders(settings).requiredDate;
  // Type and owner texts by fingerprint (src/schemas/id-table.ts): a table of a few hundred texts
  // stays in the processor's cache, and a lookup reads no stored string.
  const kindTexts = new IdTable();
  const kinds: (QuickKind | null)[] = [];
  const ownerTexts = new IdTable();
  const owners: QuickOwner[] = [];
  const kindOf = (text: string): QuickKind | null => {
    const place = kindTexts.placeOf(text);
    if (place >= 0) return kinds[place]!;
    const type = typeLookup.get(valueKey(text));
    const kind = type === undefined ? null : { ...ACTIVITY_KINDS.get(type)!, kept: keptTypes.has(type) };
    if (kindTexts.size < MAX_TYPES) kinds[kindTexts.placeOrAdd(text, own)] = kind;
    return kind;
  };
  /** The day number of a date cell, NaN when the general reading is to read it. */
  const dayOfText = (text: string): number => {
    const iso = isoDateDay(text);
    if (iso === iso) return iso;
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

  return {
    bind(position, ids, file): QuickRow | undefined {
      const [idAt, typeAt, dateAt, ownerAt, accountAt, dealAt, durationAt] = [
        'id',
        'type',
        'date',
        'owner',
        'account_id',
        'deal_id',
        'duration_minutes',
      ].map(position) as [number, number, number, number, number, number, number];
      if (typeAt < 0 || dateAt < 0 || ownerAt < 0) return undefined;
      const cell = (fields: readonly string[], at: number): string | undefined => (at < 0 ? '' : asWritten(fields[at]!));

      return (fields, line) => {
        const id = cell(fields, idAt);
        const typeText = cell(fields, typeAt);
        const dateText = cell(fields, dateAt);
        const ownerText = cell(fields, ownerAt);
        const accountText = cell(fields, accountAt);
        const dealText = cell(fields, dealAt);
        const durationText = cell(fields, durationAt);
        if (id === undefined || !typeText || !dateText || !ownerText || accountText === undefined || dealText === undefined || durationText === undefined) {
          return false;
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
        const durationMinutes = durationText === '' ? undefined : plainDigits(durationText);
        if (durationText !== '' && durationMinutes === undefined) return false;
        if (id !== '' && ids.firstLineOrAdd(id, line) !== undefined) return false;

        // Accepted: the same additions as the general reading's.
        const accountId = accountPlace < 0 ? undefined : accounts!.at(accountPlace);
        const dealId = dealText === '' ? undefined : dealText;
        const date = isoDateOf(day);
        if (facts.rows === 0) facts.file = file;
        owner.facts ??= ownerFacts(facts, owner.id);
        addActivityOf(facts, owner.facts, kind!, date, day, accountId, accountPlace, dealId);
        if (kind!.kept || flaggedRow(asOf, date, kind!.type, false, users !== undefined && !owner.known)) {
          keepRow(kept, {
            file,
            line,
            id: own(id),
            type: kind!.type,
            date,
            ownerId: owner.id,
            accountId,
            dealId: dealId === undefined ? undefined : own(dealId),
            durationMinutes,
          }, accountPlace);
        }
        return true;
      };
    },
  };
}
