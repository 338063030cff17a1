/**
 * What the reports need from the activity log, gathered row by row while activities.csv
 * streams, so memory holds aggregates whose size is set by people, days, deals and accounts —
 * not by how many calls and e-mails were logged. The rows themselves are kept only for customer
 * meetings (booked and held: the funnel, time with customers, the week ahead) and for rows a
 * data-quality check lists (src/quality/flag-activity.ts); see `Records.activities`.
 *
 * @summary
 * - `counts`: per owner, per date, the number of activities of each type (index = position in
 *   ACTIVITY_TYPES), every date. Weekly activity goals read these.
 * - `lastByDeal`: per deal id, the latest activity date on or before as-of (stalled deals). When
 *   the caller names the deals to track (`trackDeals`: loadRecords passes the open deals, the
 *   only ones stalled-deal figures read), other deals are left out.
 * - Accounts contacted: per owner, the accounts with a customer contact, by the rule handed in
 *   as `contact` (src/metrics/customer-contact.ts: its activity types, dated in its window,
 *   fiscal year-to-date of as-of), kept two ways: accounts of accounts.csv (`FactsOptions.accounts`)
 *   as one bit each in `contacts`, other accounts as texts in `accountsContactedYtd`; read them
 *   with `accountsContactedBy` (how many, owners together) and `contactedAccounts` (which).
 *   `contactsWithoutAccountYtd`: per owner, such contact activities without an account
 *   (customers worked).
 * - `firstDate`: the earliest activity date; `newestUpToAsOf`: the latest date on or before as-of
 *   ('' when none) (meeting pages' first week, stale-export check).
 * - `owners`: every non-empty owner id; `file`: the file of the first row; `rows`: rows added.
 *
 * @example
 * activityFactsOf([
 *   { ownerId: 'u1', type: 'call', date: '2026-02-03', accountId: 'a1', dealId: 'd1' },
 *   { ownerId: 'u1', type: 'call', date: '2026-02-03' },
 *   { ownerId: 'u2', type: 'note', date: '2026-12-01', dealId: 'd1' },
 * ], { asOf: '2026-11-20', fiscalYearStartMonth: 1, contact: CUSTOMER_CONTACT });
 * //=> counts u1 → 2026-02-03 → call 2; u2 → 2026-12-01 → note 1; lastByDeal d1 → 2026-02-03;
 * //   accountsContactedYtd u1 → {a1}; contactsWithoutAccountYtd u1 → 1;
 * //   firstDate 2026-02-03, newestUpToAsOf 2026-02-03, owners {u1, u2}
 */
import { dayNumber, type DateRange } from '../periods/calendar.ts';
import { LAST_FINGERPRINT, fingerprint } from '../speed/fingerprint.ts';
import { FingerprintTable } from '../speed/fingerprint-table.ts';
import { own } from '../speed/intern.ts';
import { DailyCounts } from './daily-counts.ts';
import { ACTIVITY_TYPES, type Activity, type ActivityType, type IsoDate } from '../core/records.ts';

export interface ActivityFacts {
  asOf: IsoDate;
  /** The customer-contact window of as-of (fiscal year-to-date): the range of the `…Ytd` figures. */
  ytd: DateRange;
  file: string | undefined;
  rows: number;
  /** Per owner: counts per day and type (src/model/daily-counts.ts). */
  counts: Map<string, DailyCounts>;
  lastByDeal: Map<string, IsoDate>;
  /** Per owner, the accounts contacted in fiscal year-to-date that `contacts` does not count by bit. */
  accountsContactedYtd: Map<string, Set<string>>;
  contactsWithoutAccountYtd: Map<string, number>;
  firstDate: IsoDate | '';
  newestUpToAsOf: IsoDate | '';
  owners: Set<string>;
  /** While rows are added: the last date per tracked deal (`settleFacts` writes `lastByDeal` and drops it). */
  tracking?: DealDates;
  /** Contacts in fiscal year-to-date of known accounts, by bit (see `accountsContactedBy`). */
  contacts?: ContactBits;
  /** While rows are added: each owner's counts and contact bits, found with one lookup per row. */
  owning?: Map<string, OwnerFacts>;
  /** While rows are added: each activity type's kind, whether a contact by the `contact` rule. */
  kinds?: ReadonlyMap<ActivityType, ActivityKind>;
}

/** What counts as a customer contact (src/metrics/customer-contact.ts decides): its types and its window. */
export interface ContactRule {
  types: ReadonlySet<ActivityType>;
  window: (asOf: IsoDate, fiscalYearStartMonth: number) => DateRange;
}

/** One owner's share of the facts while rows are added (the same objects as in `counts` and `contacts`). */
export interface OwnerFacts {
  /** The owner id as the facts keep it. */
  id: string;
  counts: DailyCounts;
  /** The owner's contact bits (`ContactBits.byOwner`), once the owner has a contact of a known account. */
  bits: Uint32Array | undefined;
}

/** What the facts need of an activity type: its place in ACTIVITY_TYPES and whether it is a contact. */
export interface ActivityKind {
  type: ActivityType;
  index: number;
  contact: boolean;
}

/** Per owner, one bit per account of a table of known accounts: set when the owner contacted it. */
export interface ContactBits {
  accounts: FingerprintTable;
  byOwner: Map<string, Uint32Array>;
}

/** The last activity date of each tracked deal, by the deal's place in a table of deal ids. */
export interface DealDates {
  /** The deals tracked (`FactsOptions.trackDeals`), or every deal seen (the table then grows). */
  table: FingerprintTable;
  grows: boolean;
  last: (IsoDate | undefined)[];
  /** While the deals to track are not named yet (`trackDeals: 'later'`): each row's deal and date. */
  noted?: NotedDeals;
}

/** Rows' deals by fingerprint (two numbers a row) and their dates, in the order the rows came. */
export interface NotedDeals {
  prints: Int32Array;
  dates: IsoDate[];
}

export type FactActivity = Pick<Activity, 'ownerId' | 'type' | 'date' | 'accountId' | 'dealId'> & { file?: string };

export interface FactsOptions {
  asOf: IsoDate;
  fiscalYearStartMonth: number;
  /**
   * The deals whose last activity is tracked, keyed by the table's strings; absent: every deal;
   * `'later'`: named by `trackOnly` before the facts are settled (each row's deal is noted till then).
   */
  trackDeals?: FingerprintTable | 'later';
  /** Known accounts: a row that gives its account's place in this table (see `addActivity`) is counted by bit. */
  accounts?: FingerprintTable;
  /** What counts as a customer contact: `CUSTOMER_CONTACT` of src/metrics/customer-contact.ts. */
  contact: ContactRule;
}

/** Every activity type's `ActivityKind` under a contact rule. */
function activityKinds(contact: ContactRule): ReadonlyMap<ActivityType, ActivityKind> {
  return new Map(ACTIVITY_TYPES.map((type, index) => [type, { type, index, contact: contact.types.has(type) }]));
}
const same = (text: string) => text;

export function emptyActivityFacts({ asOf, fiscalYearStartMonth, trackDeals, accounts, contact }: FactsOptions): ActivityFacts {
  return {
    asOf,
    ytd: contact.window(asOf, fiscalYearStartMonth),
    file: undefined,
    rows: 0,
    counts: new Map(),
    lastByDeal: new Map(),
    accountsContactedYtd: new Map(),
    contactsWithoutAccountYtd: new Map(),
    firstDate: '',
    newestUpToAsOf: '',
    owners: new Set(),
    tracking:
      trackDeals === 'later'
        ? { table: new FingerprintTable(), grows: false, last: [], noted: { prints: new Int32Array(2048), dates: [] } }
        : { table: trackDeals ?? new FingerprintTable(), grows: trackDeals === undefined, last: [] },
    ...(accounts ? { contacts: { accounts, byOwner: new Map() } } : {}),
    owning: new Map(),
    kinds: activityKinds(contact),
  };
}

/**
 * The facts as the reports read them, once every row is added (no row can be added after):
 * `lastByDeal` written from the dates gathered; contacts stay by bit.
 */
export function settleFacts(facts: ActivityFacts): ActivityFacts {
  const { tracking } = facts;
  if (tracking?.noted) throw new Error('activity facts settled before the deals to track were named (trackOnly)');
  tracking?.last.forEach((date, place) => {
    if (date !== undefined) facts.lastByDeal.set(tracking.table.at(place), date);
  });
  delete facts.tracking;
  delete facts.owning;
  delete facts.kinds;
  return facts;
}

/**
 * Moves the contacts counted by bit to `accountsContactedYtd` (facts whose bits cannot be
 * merged bit by bit: their account tables differ).
 */
function settleContacts(facts: ActivityFacts): ActivityFacts {
  const { contacts } = facts;
  for (const [owner, bits] of contacts?.byOwner ?? []) {
    let accounts = facts.accountsContactedYtd.get(owner);
    if (accounts === undefined) facts.accountsContactedYtd.set(owner, (accounts = new Set()));
    addAccountsOfBits(bits, contacts!.accounts, accounts);
  }
  delete facts.contacts;
  return facts;
}

/** Adds to `accounts` the account of each bit set in `bits` (bit n: the account at place n of `table`). */
function addAccountsOfBits(bits: Uint32Array, table: FingerprintTable, accounts: Set<string>): void {
  for (let word = 0; word < bits.length; word++) {
    for (let rest = bits[word]!; rest !== 0; rest &= rest - 1) accounts.add(table.at(word * 32 + (31 - Math.clz32(rest & -rest))));
  }
}

/**
 * How many distinct accounts the owners contacted in fiscal year-to-date together (an account
 * two of them contacted counts once): the bits of known accounts joined, plus the other accounts.
 */
export function accountsContactedBy(facts: ActivityFacts, ownerIds: Iterable<string>): number {
  const owners = [...new Set(ownerIds)];
  const byOwner = facts.contacts?.byOwner;
  let union: Uint32Array | undefined;
  for (const owner of owners) {
    const bits = byOwner?.get(owner);
    if (bits === undefined) continue;
    if (union === undefined) union = owners.length === 1 ? bits : bits.slice();
    else for (let word = 0; word < bits.length; word++) union[word]! |= bits[word]!;
  }
  let count = 0;
  if (union) for (let word = 0; word < union.length; word++) count += bitCount(union[word]!);
  // The other accounts, each once, unless its bit is counted already.
  if (union === undefined && owners.length === 1) return facts.accountsContactedYtd.get(owners[0]!)?.size ?? 0;
  const table = facts.contacts?.accounts;
  const others = new Set<string>();
  for (const owner of owners) {
    for (const account of facts.accountsContactedYtd.get(owner) ?? []) {
      const place = union && table ? table.placeOf(account) : -1;
      if (place < 0 || (union![place >>> 5]! & (1 << (place & 31))) === 0) others.add(account);
    }
  }
  return count + others.size;
}

/** The ids of the accounts each owner contacted in fiscal year-to-date (known and other accounts), owners with none left out. */
export function contactedAccounts(facts: ActivityFacts): Map<string, Set<string>> {
  const contacted = new Map<string, Set<string>>();
  const { contacts } = facts;
  for (const [owner, bits] of contacts?.byOwner ?? []) {
    const accounts = new Set<string>();
    addAccountsOfBits(bits, contacts!.accounts, accounts);
    if (accounts.size > 0) contacted.set(owner, accounts);
  }
  for (const [owner, others] of facts.accountsContactedYtd) {
    const accounts = contacted.get(owner);
    if (accounts === undefined) contacted.set(owner, new Set(others));
    else for (const account of others) accounts.add(account);
  }
  return contacted;
}

/** The number of bits set in a 32-bit word. */
function bitCount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * From now on tracks only the deals of `table` (their dates so far kept), as if it had been
 * given from the start: a worker thread that learns the open deals after it began.
 */
export function trackOnly(facts: ActivityFacts, table: FingerprintTable): void {
  const before = facts.tracking;
  const last: (IsoDate | undefined)[] = [];
  if (before) {
    for (let place = 0; place < table.size; place++) {
      const seen = before.table.placeOf(table.at(place));
      if (seen >= 0 && before.last[seen] !== undefined) last[place] = before.last[seen];
    }
    const noted = before.noted;
    for (let row = 0; noted && row < noted.dates.length; row++) {
      const place = table.placeOfPrint(noted.prints[2 * row]!, noted.prints[2 * row + 1]!);
      const date = noted.dates[row]!;
      if (place >= 0 && (last[place] === undefined || date > last[place]!)) last[place] = date;
    }
  }
  facts.tracking = { table, grows: false, last };
}

/** Notes a row's deal by its fingerprint, and its date. */
function note(noted: NotedDeals, dealId: string, date: IsoDate): void {
  const at = 2 * noted.dates.push(date) - 2;
  if (at + 2 > noted.prints.length) {
    const prints = new Int32Array(noted.prints.length * 2);
    prints.set(noted.prints);
    noted.prints = prints;
  }
  noted.prints[at] = fingerprint(dealId);
  noted.prints[at + 1] = LAST_FINGERPRINT[1]!;
}

/**
 * Adds one activity row to the facts. New keys are copied (`own`) so no parser chunk stays
 * alive, unless the caller says the texts are detached already (`detached`: loadRecords passes
 * the shared id strings of users.csv and accounts.csv, so the facts hold no copies).
 * `accountPlace`: the place of the row's account in `FactsOptions.accounts` (-1: not there).
 */
export function addActivity(facts: ActivityFacts, activity: FactActivity, detached = false, accountPlace = -1): void {
  const { ownerId, date, accountId, dealId, type } = activity;
  const keep = detached ? same : own;
  if (facts.rows === 0) facts.file = activity.file;
  const owner = ownerFacts(facts, ownerId, keep);
  addActivityOf(facts, owner, activityKindOf(facts, type), date, dayNumber(date), accountId && keep(accountId), accountPlace, dealId);
}

/** The kind of `type` under the facts' contact rule (rows are added only before the facts are settled). */
export function activityKindOf(facts: ActivityFacts, type: ActivityType): ActivityKind {
  if (!facts.kinds) throw new Error('activity rows added to settled facts');
  return facts.kinds.get(type)!;
}

/** The owner's share of the facts, made (under `keep(ownerId)`) on the owner's first row. */
export function ownerFacts(facts: ActivityFacts, ownerId: string, keep: (text: string) => string = same): OwnerFacts {
  const owning = (facts.owning ??= new Map());
  let owner = owning.get(ownerId);
  if (owner === undefined) {
    const id = keep(ownerId);
    owner = { id, counts: facts.counts.get(id) ?? new DailyCounts(ACTIVITY_TYPES.length), bits: facts.contacts?.byOwner.get(id) };
    facts.counts.set(id, owner.counts);
    if (id !== '') facts.owners.add(id);
    owning.set(id, owner);
  }
  return owner;
}

/**
 * `addActivity` for a row already taken apart: its owner's facts, its kind, its date and that
 * date's day number, and its account (as the facts keep it) and deal. The activity log's quick
 * rows (src/pipeline/activity-log/quick-rows.ts) add rows this way; `facts.file` is then theirs to set.
 */
export function addActivityOf(
  facts: ActivityFacts,
  owner: OwnerFacts,
  kind: ActivityKind,
  date: IsoDate,
  day: number,
  accountId: string | undefined,
  accountPlace: number,
  dealId: string | undefined,
): void {
  facts.rows++;
  if (facts.firstDate === '' || date < facts.firstDate) facts.firstDate = date;
  const upToAsOf = date <= facts.asOf;
  if (upToAsOf && date > facts.newestUpToAsOf) facts.newestUpToAsOf = date;
  owner.counts.addOn(day, kind.index);

  const tracking = facts.tracking;
  if (dealId && upToAsOf && tracking?.noted) {
    note(tracking.noted, dealId, date);
  } else if (dealId && upToAsOf && tracking) {
    const place = tracking.grows ? tracking.table.placeOrAdd(dealId, own) : tracking.table.placeOf(dealId);
    if (place >= 0) {
      const seen = tracking.last[place];
      if (seen === undefined || date > seen) tracking.last[place] = date;
    }
  }
  if (kind.contact && date >= facts.ytd.start && date <= facts.ytd.end) {
    const contacts = facts.contacts;
    if (accountId && accountPlace >= 0 && contacts) {
      let bits = owner.bits;
      if (bits === undefined) contacts.byOwner.set(owner.id, (bits = owner.bits = new Uint32Array((contacts.accounts.size + 31) >>> 5)));
      bits[accountPlace >>> 5]! |= 1 << (accountPlace & 31);
    } else if (accountId) {
      let accounts = facts.accountsContactedYtd.get(owner.id);
      if (accounts === undefined) facts.accountsContactedYtd.set(owner.id, (accounts = new Set()));
      accounts.add(accountId);
    } else {
      facts.contactsWithoutAccountYtd.set(owner.id, (facts.contactsWithoutAccountYtd.get(owner.id) ?? 0) + 1);
    }
  }
}

/**
 * Adds the facts of the rows after `into`'s (the log's next part) to `into`: counts and contacts
 * added, the later last date per deal, the earlier first date and the later newest date. Both
 * must be settled (`settleFacts`) and key owners, accounts and deals by the same strings.
 * Contacts still counted by bit in both are added bit by bit; their account
 * tables must then list the same accounts in the same order (both made from accounts.csv).
 */
export function mergeActivityFacts(into: ActivityFacts, from: ActivityFacts): ActivityFacts {
  if (into.rows === 0) into.file = from.file;
  into.rows += from.rows;
  if (from.firstDate !== '' && (into.firstDate === '' || from.firstDate < into.firstDate)) into.firstDate = from.firstDate;
  if (from.newestUpToAsOf > into.newestUpToAsOf) into.newestUpToAsOf = from.newestUpToAsOf;
  for (const [owner, byDate] of from.counts) {
    const ours = into.counts.get(owner);
    if (ours === undefined) {
      into.counts.set(owner, byDate);
      continue;
    }
    ours.addAll(byDate);
  }
  for (const [deal, date] of from.lastByDeal) {
    const seen = into.lastByDeal.get(deal);
    if (seen === undefined || date > seen) into.lastByDeal.set(deal, date);
  }
  if (into.contacts && from.contacts && into.contacts.accounts.size === from.contacts.accounts.size) {
    for (const [owner, bits] of from.contacts.byOwner) {
      const ours = into.contacts.byOwner.get(owner);
      if (ours === undefined) into.contacts.byOwner.set(owner, bits);
      else for (let word = 0; word < bits.length; word++) ours[word]! |= bits[word]!;
    }
    delete from.contacts;
  } else {
    settleContacts(into);
    settleContacts(from);
  }
  for (const [owner, accounts] of from.accountsContactedYtd) {
    const ours = into.accountsContactedYtd.get(owner);
    if (ours === undefined) into.accountsContactedYtd.set(owner, accounts);
    else for (const account of accounts) ours.add(account);
  }
  for (const [owner, count] of from.contactsWithoutAccountYtd) {
    into.contactsWithoutAccountYtd.set(owner, (into.contactsWithoutAccountYtd.get(owner) ?? 0) + count);
  }
  for (const owner of from.owners) into.owners.add(owner);
  return into;
}

/** The facts of a list of activities (tests, and any caller that holds the rows). */
export function activityFactsOf(activities: readonly FactActivity[], options: FactsOptions): ActivityFacts {
  const facts = emptyActivityFacts(options);
  for (const activity of activities) addActivity(facts, activity);
  return settleFacts(facts);
}

/**
 * The settled facts of some owners only (a team-restricted build): counts and contacts of those owners,
 * the last activity date of the given deals. Dates and row count are those of the whole log.
 */
export function restrictFacts(facts: ActivityFacts, owners: ReadonlySet<string>, dealIds: ReadonlySet<string>): ActivityFacts {
  const pick = <V>(map: Map<string, V>) => new Map([...map].filter(([key]) => owners.has(key)));
  return {
    ...facts,
    ...(facts.contacts ? { contacts: { accounts: facts.contacts.accounts, byOwner: pick(facts.contacts.byOwner) } } : {}),
    counts: pick(facts.counts),
    lastByDeal: new Map([...facts.lastByDeal].filter(([id]) => dealIds.has(id))),
    accountsContactedYtd: pick(facts.accountsContactedYtd),
    contactsWithoutAccountYtd: pick(facts.contactsWithoutAccountYtd),
    owners: new Set([...facts.owners].filter((id) => owners.has(id))),
  };
}
