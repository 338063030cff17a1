/**
 * Deliberate data-quality defects (domain §7: "one truth" shown openly), each placed on a
 * known row so the data-quality page has something to find and data/README.md can list it
 * by file and line. Rows are chosen by a seeded stream, never by position in code.
 */
import { AS_OF } from './company.ts';
import { day, iso, toWorkday } from './dates.ts';
import type { DealPlan } from './deals.ts';
import type { Rng } from './random.ts';
import { lineOf, type Row, type Table } from './write-csv.ts';

export interface Defect {
  /** Short permanent name of the defect kind. */
  code: string;
  file: string;
  line: number;
  /** Id of the record on that line. */
  id: string;
  what: string;
}

interface Placed {
  code: string;
  file: string;
  table: Table;
  row: Row;
  what: string;
}

/** Before activities are generated: open deals nobody has touched for 60+ days. */
export function markStale(rng: Rng, deals: DealPlan[], count = 3): DealPlan[] {
  const candidates = deals.filter((d) => d.status === 'open' && d.channel !== 'renewal' && d.created < AS_OF - 150 && d.close > AS_OF + 30);
  const stale = rng.shuffle(candidates).slice(0, count);
  for (const d of stale) d.staleSince = toWorkday(AS_OF - rng.int(62, 110));
  return stale;
}

export function applyDefects(rng: Rng, t: { deals: Table; accounts: Table; activities: Table }, stale: DealPlan[]): Defect[] {
  const used = new Set<Row>();
  const staleIds = new Set(stale.map((d) => d.id));
  const pick = (table: Table, ok: (r: Row) => boolean): Row => {
    const row = rng.pick(table.rows.filter((r) => !used.has(r) && ok(r)));
    used.add(row);
    return row;
  };
  const open = (r: Row) => ['qualification', 'meeting', 'proposal', 'negotiation'].includes(r.stage ?? '') && !staleIds.has(r.id ?? '');
  const placed: Placed[] = [];
  const put = (code: string, file: string, table: Table, row: Row, what: string) => placed.push({ code, file, table, row, what });

  for (const d of stale) {
    const row = t.deals.rows.find((r) => r.id === d.id);
    if (row) (used.add(row), put('StaleDeal', 'deals.csv', t.deals, row, `open deal, no activity or update since ${row.updated_date}`));
  }
  const noOwner = pick(t.deals, open);
  noOwner.owner = '';
  put('MissingOwner', 'deals.csv', t.deals, noOwner, 'open deal with an empty owner');

  for (let i = 0; i < 3; i++) {
    const row = pick(t.deals, (r) => open(r) && day(r.created_date ?? '') < AS_OF - 60);
    row.close_date = iso(toWorkday(AS_OF - rng.int(8, 40)));
    put('ClosePassed', 'deals.csv', t.deals, row, `open deal whose close date ${row.close_date} has passed`);
  }
  const demo = pick(t.deals, (r) => open(r) && r.channel === 'new');
  demo.stage = 'Demo bokad';
  put('UnknownStage', 'deals.csv', t.deals, demo, 'stage "Demo bokad" is not in the settings');

  const bad = pick(t.deals, open);
  bad.amount = '12,3,4';
  put('BadAmount', 'deals.csv', t.deals, bad, 'amount "12,3,4" cannot be read');

  const early = pick(t.deals, (r) => r.stage === 'won' && (r.close_date ?? '') > '2025-01-01');
  early.created_date = iso(toWorkday(day(early.close_date ?? '') + rng.int(5, 20)));
  put('CloseBeforeCreated', 'deals.csv', t.deals, early, `closed ${early.close_date}, before it was created ${early.created_date}`);

  const original = pick(t.deals, (r) => r.stage === 'won' && (r.close_date ?? '') > '2026-01-01');
  const copy: Row = { ...original, amount: String(Math.round(Number(original.amount) * 1.1)), updated_date: iso(AS_OF - 2) };
  t.deals.rows.splice(t.deals.rows.indexOf(original) + 1, 0, copy);
  used.add(copy);
  put('DuplicateDealId', 'deals.csv', t.deals, copy, `second row with id ${copy.id} (amount differs)`);

  const template = pick(t.deals, (r) => r.stage === 'lost' && (r.created_date ?? '') > '2025-06-01');
  const orphan: Row = { ...template, id: `D-${10001 + t.deals.rows.length}`, account_id: 'A-0999', name: 'Kustlinjen Media – Norrsken Analys' };
  t.deals.rows.splice(t.deals.rows.indexOf(template) + 1, 0, orphan);
  put('UnknownAccount', 'deals.csv', t.deals, orphan, 'account A-0999 is not in accounts.csv');

  const lone = pick(t.accounts, (r) => r.owner !== '' && (r.created_date ?? '') > '2024-01-01');
  lone.owner = '';
  put('AccountWithoutOwner', 'accounts.csv', t.accounts, lone, 'account with no responsible owner');

  const twin = pick(t.accounts, (r) => r.country === 'SE' && (r.name ?? '').endsWith(' AB') && !(r.name ?? '').includes(','));
  const dup: Row = { ...twin, id: `A-${1001 + t.accounts.rows.length}`, name: (twin.name ?? '').replace(/ AB$/, ''), created_date: '2026-09-14' };
  t.accounts.rows.push(dup);
  put('DuplicateAccount', 'accounts.csv', t.accounts, dup, `same org number ${dup.org_number} as ${twin.id} "${twin.name}"`);

  const recent = (r: Row) => r.type === 'call' && (r.date ?? '') >= iso(AS_OF - 7) && (r.date ?? '') <= iso(AS_OF);
  const future = pick(t.activities, recent);
  future.date = iso(AS_OF + 5);
  put('FutureActivity', 'activities.csv', t.activities, future, `call dated ${future.date}, after as-of`);

  const visit = pick(t.activities, (r) => r.type === 'meeting_held' && (r.date ?? '') > '2026-06-01');
  visit.type = 'Kundbesök';
  put('UnknownActivityType', 'activities.csv', t.activities, visit, 'type "Kundbesök" is not a known activity type');

  const order = ['deals.csv', 'accounts.csv', 'activities.csv'];
  return placed
    .map((p) => ({ code: p.code, file: p.file, line: lineOf(p.table, p.row), id: p.row.id ?? '', what: p.what }))
    .sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line);
}
