/**
 * What changed in the deals between two moments: the state shown at the previous meeting (a
 * snapshot) and a later state (a later snapshot, or the current build). Pure: no clock, no I/O.
 *
 * @summary Per deal, one `DealChange` per kind that applies (a deal moved back a stage and cut
 * in amount gets two). "Before" = the open deals of `before`; "now" = the open deals at `now.asOf`
 * plus the won/lost deals now known.
 * - `new`: the previous meeting did not see the deal open, and it matters now: it is open now,
 *   or it was won/lost after `before.asOf` (close date > before.asOf). A deal created and won
 *   in the same interval is therefore `new` AND `won`.
 * - `won` / `lost`: won/lost now, and either open before (whatever its close date: a win entered
 *   late with a back-dated close is still news to the meeting that saw it open) or not seen before
 *   and closed after `before.asOf`. Old closed deals the meeting never saw open are not changes.
 * - `slipped`: open both times, the close date was inside `period` before and is after
 *   `period.end` now. `period` is the meeting's horizon (usually the fiscal quarter, or the month
 *   for the monthly review). Moves within the period, moves into it, and moves earlier are not
 *   slips; a deal already past `period.end` before cannot slip again.
 * - `amount-up` / `amount-down`: open both times, amount changed (compared in whole cents).
 * - `stage-forward` / `stage-back`: open both times, the stage's index in `stageOrder` (the open
 *   stages in process order) rose / fell. A stage not in `stageOrder` gives no stage change.
 * - `gone`: open before, now neither open nor won/lost: deleted or merged in the CRM.
 * A correction that restores a value (amount raised, then set back) cancels out over an interval
 * that spans both edits, because only the two end states are compared.
 *
 * Order: kind (in the order above: new, won, lost, slipped, amount-up, amount-down, stage-back,
 * stage-forward, gone), then team id, owner id (code-unit order), current amount descending
 * (the amount before for `gone`), deal id. `counts` has every kind (0 when none); `byTeam` and
 * `byOwner` hold only the kinds that occur, keys sorted.
 *
 * @example
 * // before (2026-04-17): d1 proposal 100 000 close 2026-06-15
 * // now    (2026-04-23): d1 meeting   90 000 close 2026-06-15; d3 won 2026-04-21 (open before)
 * // → amount-down d1, stage-back d1, won d3 (period Q2 2026: d1 did not slip)
 */
import type { IsoDate } from '../core/records.ts';
import type { DateRange } from '../periods/calendar.ts';
import type { ChangeKind, Changes, DealChange, Snapshot, SnapshotDeal } from './types.ts';

/** A deal that is won or lost now, as the changes need it. */
export interface ClosedDeal {
  id: string;
  status: 'won' | 'lost';
  /** The won or lost date. */
  close: IsoDate;
  name: string;
  account: string;
  ownerId: string;
  teamId: string;
  amount: number;
  /** Stage as exported (the won/lost stage); defaults to the status. */
  stageId?: string;
}

/** The state compared with a snapshot: open deals as of `asOf`, and the deals won or lost. */
export interface CurrentState {
  asOf: IsoDate;
  openDeals: SnapshotDeal[];
  closedDeals: ClosedDeal[];
}

/** Every change kind, in the order changes are listed. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['new', 'won', 'lost', 'slipped', 'amount-up', 'amount-down', 'stage-back', 'stage-forward', 'gone'];

interface DealView {
  id: string;
  name: string;
  account: string;
  ownerId: string;
  teamId: string;
  stageId: string;
  amount: number;
  close: IsoDate;
}

function view(deal: SnapshotDeal): DealView {
  const [id, name, account, ownerId, teamId, stageId, amount, close] = deal;
  return { id, name, account, ownerId, teamId, stageId, amount, close };
}

const cents = (amount: number): number => Math.round(amount * 100);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The changes from the snapshot `before` to the state `now`; see the module summary for the rules. */
export function changesSince(before: Snapshot, now: CurrentState, stageOrder: readonly string[], period: DateRange): Changes {
  const then = byId(before.deals.map(view));
  const open = byId(now.openDeals.map(view));
  const closed = byId(now.closedDeals.filter((deal) => !open.has(deal.id)));
  const changes: DealChange[] = [];

  const add = (kind: ChangeKind, deal: DealView | ClosedDeal, old: DealView | undefined, after: DealChange['after']) =>
    changes.push({
      kind,
      dealId: deal.id,
      name: deal.name,
      account: deal.account,
      ownerId: deal.ownerId,
      teamId: deal.teamId,
      before: old ? { stageId: old.stageId, amount: old.amount, close: old.close } : null,
      after,
    });

  for (const deal of open.values()) {
    const old = then.get(deal.id);
    const after = { stageId: deal.stageId, amount: deal.amount, close: deal.close, status: 'open' as const };
    if (!old) {
      add('new', deal, undefined, after);
      continue;
    }
    if (inPeriod(old.close, period) && deal.close > period.end) add('slipped', deal, old, after);
    if (cents(deal.amount) > cents(old.amount)) add('amount-up', deal, old, after);
    if (cents(deal.amount) < cents(old.amount)) add('amount-down', deal, old, after);
    const from = stageOrder.indexOf(old.stageId);
    const to = stageOrder.indexOf(deal.stageId);
    if (from >= 0 && to >= 0 && to < from) add('stage-back', deal, old, after);
    if (from >= 0 && to >= 0 && to > from) add('stage-forward', deal, old, after);
  }

  for (const deal of closed.values()) {
    const old = then.get(deal.id);
    if (!old && deal.close <= before.asOf) continue;
    const after = { stageId: deal.stageId ?? deal.status, amount: deal.amount, close: deal.close, status: deal.status };
    if (!old) add('new', deal, undefined, after);
    add(deal.status, deal, old, after);
  }

  for (const old of then.values()) {
    if (!open.has(old.id) && !closed.has(old.id)) add('gone', old, old, null);
  }

  changes.sort(compareChanges);
  return { from: before.asOf, to: now.asOf, changes, ...countChanges(changes) };
}

/**
 * The changes between two snapshots. Snapshots hold only open deals, so the won/lost deals come
 * from the caller (the current model's closed deals); only those closed on or before `after.asOf`
 * count as closed at `after`. Without them every deal that left the open set is `gone`.
 */
export function compareSnapshots(
  before: Snapshot,
  after: Snapshot,
  stageOrder: readonly string[],
  period: DateRange,
  closed: readonly ClosedDeal[] = [],
): Changes {
  return changesSince(before, { asOf: after.asOf, openDeals: after.deals, closedDeals: closed.filter((deal) => deal.close <= after.asOf) }, stageOrder, period);
}

function inPeriod(date: IsoDate, period: DateRange): boolean {
  return date >= period.start && date <= period.end;
}

function compareChanges(a: DealChange, b: DealChange): number {
  const amount = (change: DealChange) => change.after?.amount ?? change.before?.amount ?? 0;
  return (
    CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
    compareText(a.teamId, b.teamId) ||
    compareText(a.ownerId, b.ownerId) ||
    amount(b) - amount(a) ||
    compareText(a.dealId, b.dealId)
  );
}

function countChanges(changes: readonly DealChange[]): Pick<Changes, 'counts' | 'byTeam' | 'byOwner'> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  const byTeam = new Map<string, Partial<Record<ChangeKind, number>>>();
  const byOwner = new Map<string, Partial<Record<ChangeKind, number>>>();
  const bump = (groups: typeof byTeam, key: string, kind: ChangeKind) => {
    const group = groups.get(key) ?? {};
    group[kind] = (group[kind] ?? 0) + 1;
    groups.set(key, group);
  };
  for (const change of changes) {
    counts[change.kind] += 1;
    bump(byTeam, change.teamId, change.kind);
    bump(byOwner, change.ownerId, change.kind);
  }
  const sorted = (groups: typeof byTeam) => Object.fromEntries([...groups].sort(([a], [b]) => compareText(a, b)));
  return { counts, byTeam: sorted(byTeam), byOwner: sorted(byOwner) };
}
