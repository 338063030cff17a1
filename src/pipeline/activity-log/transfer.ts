/**
 * The activity log read in a worker thread, packed to cross to the main thread cheaply and
 * unpacked there. Copying between threads costs per value, so kept rows travel as columns:
 * numbers in typed arrays, texts concatenated into one string with their lengths (ids), or as a
 * table of distinct texts and an index per row (owners, accounts, dates). On arrival owners and
 * accounts become the main thread's shared strings again (the users.csv and accounts.csv ids),
 * and the last activity per deal is narrowed to the deals the main thread tracks.
 */
import type { ActivityFacts } from '../../model/activity-facts.ts';
import { DailyCounts, type PackedDailyCounts } from '../../model/daily-counts.ts';
import { ACTIVITY_TYPES, type Activity } from '../../core/records.ts';
import { GIVEN_ACTIVITY_COLUMNS, newActivity, type SharedIds } from '../../schemas/activities.ts';
import type { Storage } from '../../speed/stored-deal.ts';
import { IdFingerprints, type IdTables } from '../../speed/id-fingerprints.ts';
import type { ActivityLog } from './stream.ts';

/** Texts as one string and each text's length (-1: no text). */
export interface PackedTexts {
  text: string;
  lengths: Int32Array;
}

/** Repeating texts as a table of the distinct ones and, per value, its place in it (-1: no text). */
export interface PackedDictionary {
  table: PackedTexts;
  index: Int32Array;
}

export function packTexts(values: readonly (string | undefined)[]): PackedTexts {
  const column = new TextColumn();
  for (const value of values) column.push(value);
  return column.pack();
}

export function unpackTexts({ text, lengths }: PackedTexts): (string | undefined)[] {
  const values = new Array<string | undefined>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (length < 0) values[i] = undefined;
    else values[i] = text.slice(at, (at += length));
  }
  return values;
}

export function packDictionary(values: readonly (string | undefined)[]): PackedDictionary {
  const column = new DictionaryColumn();
  for (const value of values) column.push(value);
  return column.pack();
}

/**
 * The values, each distinct text as one string (`share` may swap it for the caller's own). A value
 * pushed as a place in a list outside the table (`DictionaryColumn.pushOutside`) is `outside(place)`.
 */
export function unpackDictionary(
  { table, index }: PackedDictionary,
  share: (text: string) => string = (text) => text,
  outside: (place: number) => string | undefined = () => undefined,
): (string | undefined)[] {
  const texts = unpackTexts(table).map((text) => share(text!));
  const values = new Array<string | undefined>(index.length);
  for (let i = 0; i < index.length; i++) {
    const code = index[i]!;
    values[i] = code >= 0 ? texts[code] : code === -1 ? undefined : outside(-2 - code);
  }
  return values;
}

/** Each activity type's place in ACTIVITY_TYPES (how kept rows send their type). */
const TYPE_INDEX: ReadonlyMap<string, number> = new Map(ACTIVITY_TYPES.map((type, index) => [type, index]));

export interface PackedActivities {
  file: PackedDictionary;
  line: Int32Array;
  id: PackedTexts;
  /** Index into ACTIVITY_TYPES. */
  type: Uint8Array;
  date: PackedDictionary;
  ownerId: PackedDictionary;
  accountId: PackedDictionary;
  dealId: PackedTexts;
  /** The given columns (`GIVEN_ACTIVITY_COLUMNS`), in their order, each packed by its `store`. */
  given: PackedGiven[];
}

/** A given column packed: texts as one string, dates as a dictionary, numbers unboxed (NaN: none). */
type PackedGiven = PackedTexts | PackedDictionary | Float64Array;

/** The facts' per-owner sets of accounts, as owners and a packed list of accounts each. */
type PackedContacts = { owners: string[]; accounts: PackedDictionary[] };

/** Contacts still counted by bit (a part of the log): owners and each owner's bits. */
type PackedContactBits = { owners: string[]; bits: Uint32Array[] };

export interface PackedActivityLog {
  results: ActivityLog['results'];
  facts: Omit<ActivityFacts, 'tracking' | 'accountsContactedYtd' | 'counts' | 'contacts'> & {
    accountsContactedYtd: PackedContacts;
    counts: [string, PackedDailyCounts][];
    contacts?: PackedContactBits;
  };
  kept: PackedActivities;
  ids?: IdTables;
}

type NumberArray = Float64Array | Int32Array | Uint8Array;

/** Numbers of one column in a typed array, doubled when full (no boxed number, no array of pointers). */
class NumberColumn<T extends NumberArray> {
  readonly #make: (length: number) => T;
  #values: T;
  #length = 0;
  constructor(make: (length: number) => T) {
    this.#make = make;
    this.#values = make(1024);
  }
  get length(): number {
    return this.#length;
  }
  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = this.#make(this.#length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }
  /** The numbers pushed, in a typed array of their own. */
  values(): T {
    return this.#values.slice(0, this.#length) as T;
  }
}

/** Texts joined into one string every this many. */
const TEXTS_PER_BLOCK = 4096;

/**
 * Texts of one column (ids), joined block by block as rows arrive: a few long strings instead of
 * a string per row kept alive until the end, and each text's length (-1: no text).
 */
class TextColumn {
  #blocks: string[] = [];
  #pending: string[] = [];
  #lengths = new NumberColumn((length) => new Int32Array(length));
  push(text: string | undefined): void {
    this.#lengths.push(text === undefined ? -1 : text.length);
    if (text === undefined) return;
    this.#pending.push(text);
    if (this.#pending.length === TEXTS_PER_BLOCK) this.#flush();
  }
  pack(): PackedTexts {
    this.#flush();
    return { text: this.#blocks.join(''), lengths: this.#lengths.values() };
  }
  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#blocks.push(this.#pending.join(''));
    this.#pending = [];
  }
}

/** A growing column of repeating texts (dictionary-encoded as rows arrive). */
class DictionaryColumn {
  #places = new Map<string, number>();
  #table: string[] = [];
  #index = new NumberColumn((length) => new Int32Array(length));
  /** The text of the row before and its place: a file name, or a date of a log in date order, repeats. */
  #last: string | undefined;
  #lastPlace = -1;
  push(value: string | undefined): void {
    if (value === this.#last) {
      this.#index.push(this.#lastPlace);
      return;
    }
    let place = -1;
    if (value !== undefined) {
      place = this.#places.get(value) ?? -1;
      if (place < 0) this.#places.set(value, (place = this.#table.push(value) - 1));
    }
    this.#last = value;
    this.#lastPlace = place;
    this.#index.push(place);
  }
  /** A value given by its place in a list both threads hold (accounts.csv's ids): no lookup by text. */
  pushOutside(place: number): void {
    this.#index.push(-2 - place);
  }
  pack(): PackedDictionary {
    return { table: packTexts(this.#table), index: this.#index.values() };
  }
}

/** Where kept rows go: a list, or columns (`ActivityColumns`). */
export interface KeptRows {
  push(row: Activity): void;
  /** Takes a row whose account is known by its place among accounts.csv's ids (columns keep the place). */
  pushKnown?(row: Activity, accountPlace: number): void;
}

/** Keeps a row, by its account's place where the sink takes that. */
export function keepRow(kept: KeptRows, row: Activity, accountPlace: number): void {
  if (accountPlace >= 0 && kept.pushKnown) kept.pushKnown(row, accountPlace);
  else kept.push(row);
}

/**
 * Kept activity rows gathered as columns while the log streams, so a worker never holds them
 * as objects; `pack()` gives what crosses to the main thread.
 */
export class ActivityColumns {
  #file = new DictionaryColumn();
  #line = new NumberColumn((length) => new Int32Array(length));
  #id = new TextColumn();
  #type = new NumberColumn((length) => new Uint8Array(length));
  #date = new DictionaryColumn();
  #owner = new DictionaryColumn();
  #account = new DictionaryColumn();
  #deal = new TextColumn();
  /** One column per given field, by its store. */
  #given = GIVEN_ACTIVITY_COLUMNS.map(({ store }) => givenColumn(store));

  get length(): number {
    return this.#line.length;
  }

  /** Adds a row whose texts are detached from the parser's chunk already. */
  push(row: Activity): void {
    this.#pushAllButAccount(row);
    this.#account.push(row.accountId);
  }

  /** `push` for a row whose account is the one at `accountPlace` in accounts.csv (`SharedStrings.accounts`). */
  pushKnown(row: Activity, accountPlace: number): void {
    this.#pushAllButAccount(row);
    this.#account.pushOutside(accountPlace);
  }

  #pushAllButAccount(row: Activity): void {
    this.#file.push(row.file);
    this.#line.push(row.line);
    this.#id.push(row.id);
    this.#type.push(TYPE_INDEX.get(row.type)!);
    this.#date.push(row.date);
    this.#owner.push(row.ownerId);
    this.#deal.push(row.dealId);
    const fields = row as unknown as Record<string, unknown>;
    for (let i = 0; i < this.#given.length; i++) this.#given[i]!.push(fields[GIVEN_ACTIVITY_COLUMNS[i]!.field] as never);
  }

  pack(): PackedActivities {
    return {
      file: this.#file.pack(),
      line: this.#line.values(),
      id: this.#id.pack(),
      type: this.#type.values(),
      date: this.#date.pack(),
      ownerId: this.#owner.pack(),
      accountId: this.#account.pack(),
      dealId: this.#deal.pack(),
      given: this.#given.map((column) => (column instanceof NumberColumn ? column.values() : column.pack())),
    };
  }
}

/** Numbers pushed as undefined are kept as NaN. */
class GivenNumbers extends NumberColumn<Float64Array> {
  constructor() {
    super((length) => new Float64Array(length));
  }
  override push(value: number | undefined): void {
    super.push(value ?? Number.NaN);
  }
}

function givenColumn(store: Storage): TextColumn | DictionaryColumn | GivenNumbers {
  return store === 'text' ? new TextColumn() : store === 'date' ? new DictionaryColumn() : new GivenNumbers();
}

/** A packed given column back as one value per row. */
function unpackGiven(packed: PackedGiven, store: Storage): readonly unknown[] {
  if (store === 'text') return unpackTexts(packed as PackedTexts);
  if (store === 'date') return unpackDictionary(packed as PackedDictionary);
  return Array.from(packed as Float64Array, (value) => (Number.isNaN(value) ? undefined : small(value)));
}

export function packActivities(rows: readonly Activity[]): PackedActivities {
  const columns = new ActivityColumns();
  for (const row of rows) columns.push(row);
  return columns.pack();
}

/** Deal ids to the string to key them by (the main thread's own deal ids), undefined for others. */
export interface DealKeys {
  get(dealId: string): string | undefined;
}

/** The main thread's shared strings that unpacked rows and facts point at. */
export interface SharedStrings {
  users: SharedIds | undefined;
  accounts: SharedIds | undefined;
  /** The deals whose last activity date is kept, each id to its key. */
  deals: DealKeys;
}

const shareWith = (ids: SharedIds | undefined) => (text: string) => ids?.get(text) ?? text;

export function unpackActivities(packed: PackedActivities, shared: SharedStrings): Activity[] {
  const file = unpackDictionary(packed.file);
  const id = unpackTexts(packed.id);
  const date = unpackDictionary(packed.date);
  const ownerId = unpackDictionary(packed.ownerId, shareWith(shared.users));
  const accounts = shared.accounts;
  const accountId = unpackDictionary(packed.accountId, shareWith(accounts), (place) => {
    if (!accounts) throw new Error('activity rows name their accounts by place, but no accounts were given');
    return accounts.at(place);
  });
  const dealId = unpackTexts(packed.dealId);
  const given = GIVEN_ACTIVITY_COLUMNS.map(({ store }, i) => unpackGiven(packed.given[i]!, store));
  const values: unknown[] = [];
  const rows = new Array<Activity>(id.length);
  for (let i = 0; i < rows.length; i++) {
    // The fields in the order row validation creates them (src/schemas/activities.ts).
    for (let g = 0; g < given.length; g++) values[g] = given[g]![i];
    rows[i] = newActivity(
      {
        file: file[i]!,
        line: packed.line[i]!,
        id: id[i]!,
        type: ACTIVITY_TYPES[packed.type[i]!]!,
        date: date[i]!,
        ownerId: ownerId[i]!,
        accountId: accountId[i],
        dealId: dealId[i],
      },
      values,
    );
  }
  return rows;
}

/**
 * A number read from a Float64Array, as a small integer when it is one: V8 keeps such a number in
 * an object field as a number object of its own (16 bytes more per row of 800 000 kept meetings)
 * unless it is converted to an integer. (Lines are kept in an Int32Array, read as integers.)
 */
function small(value: number): number {
  return (value | 0) === value ? value | 0 : value;
}

export function packFacts({ tracking: _tracking, accountsContactedYtd, counts, contacts, ...facts }: ActivityFacts): PackedActivityLog['facts'] {
  const owners = [...accountsContactedYtd.keys()];
  return {
    ...facts,
    counts: [...counts].map(([owner, byDate]) => [owner, byDate.pack()]),
    accountsContactedYtd: { owners, accounts: owners.map((owner) => packDictionary([...accountsContactedYtd.get(owner)!])) },
    // The bits' account places are those of accounts.csv, the same on both threads.
    ...(contacts ? { contacts: { owners: [...contacts.byOwner.keys()], bits: [...contacts.byOwner.values()] } } : {}),
  };
}

/** The facts with owner and account keys as shared strings, and only the tracked deals' last dates. */
export function unpackFacts({ contacts: bits, ...facts }: PackedActivityLog['facts'], shared: SharedStrings): ActivityFacts {
  const owner = shareWith(shared.users);
  const account = shareWith(shared.accounts);
  const lastByDeal = new Map<string, string>();
  for (const [id, date] of facts.lastByDeal) {
    const key = shared.deals.get(id);
    if (key !== undefined) lastByDeal.set(key, date);
  }
  const contacts = facts.accountsContactedYtd;
  if (bits && !shared.accounts) throw new Error('contacts counted by bit need the accounts they count');
  return {
    ...facts,
    ...(bits ? { contacts: { accounts: shared.accounts!, byOwner: new Map(bits.owners.map((id, i) => [owner(id), bits.bits[i]!])) } } : {}),
    counts: new Map(facts.counts.map(([id, byDate]) => [owner(id), DailyCounts.unpack(byDate)])),
    lastByDeal,
    accountsContactedYtd: new Map(contacts.owners.map((id, i) => [owner(id), new Set(unpackDictionary(contacts.accounts[i]!, account) as string[])])),
    contactsWithoutAccountYtd: new Map([...facts.contactsWithoutAccountYtd].map(([id, count]) => [owner(id), count])),
    owners: new Set([...facts.owners].map(owner)),
  };
}

export function packActivityLog(log: ActivityLog<Activity[] | ActivityColumns>): PackedActivityLog {
  const kept = log.kept instanceof ActivityColumns ? log.kept.pack() : packActivities(log.kept);
  const packed: PackedActivityLog = { results: log.results, facts: packFacts(log.facts), kept };
  return log.ids ? { ...packed, ids: log.ids.tables() } : packed;
}

/** The buffers a packed log can hand over instead of copying (`postMessage`'s transfer list). */
export function transferables(packed: PackedActivityLog): ArrayBuffer[] {
  const ids = packed.ids;
  return ids ? IdFingerprints.buffers(ids) : [];
}

export function unpackActivityLog(packed: PackedActivityLog, shared: SharedStrings): ActivityLog {
  const log: ActivityLog = { results: packed.results, facts: unpackFacts(packed.facts, shared), kept: unpackActivities(packed.kept, shared) };
  if (packed.ids) log.ids = IdFingerprints.fromTables(packed.ids);
  return log;
}
