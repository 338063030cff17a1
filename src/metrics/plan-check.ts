/**
 * Plan check: do the targets broken down to the level below cover the target above (domain §1:
 * "the sum of seller targets must be ≥ the company target")?
 *
 * @summary
 * - One row per higher-level target (period × measure; rows of the same scope, period and measure
 *   are summed): sum = the lower level's targets for that period, target = the higher target,
 *   gap = sum − target, ok = sum ≥ target. Only `cadence: 'total'` targets; weekly goals are not plans.
 * - Levels: `sellers-vs-team` (sellers whose user `teamId` is the team), `teams-vs-company`,
 *   and `sellers-vs-company` (every seller with a target, with or without a team).
 * - Period rule, per lower-level person or team: its target for exactly that period; else the sum
 *   of its month targets inside the period; else the sum of its quarter targets inside it; else it
 *   does not contribute. So seller month targets are summed over the fiscal year to meet a company
 *   `FY` target. A finer target is never split from a coarser one.
 * - `volume:total` of someone with no `volume:total` rows = the sum of their channel targets.
 * - `contributors` counts the people or teams whose targets made up the sum. A level without any
 *   targets (no team targets yet, say) is skipped rather than reported as a gap, and so is a
 *   company measure that no team has a target for (teams are an optional level; revenue, say).
 * - The plan check **passes** when the documented rule holds: every `sellers-vs-company` row is ok
 *   (Σ seller targets ≥ company target, `planVerdict`). Team rows apply the same rule one level
 *   down and are shown for reference; they do not decide the verdict.
 *
 * @example
 * planCheck([
 *   { scope: 'company', scopeId: '', period: 'FY2026', cadence: 'total', measure: 'volume:new', value: 100 },
 *   { scope: 'seller', scopeId: 'u1', period: 'FY2026', cadence: 'total', measure: 'volume:new', value: 60 },
 *   { scope: 'seller', scopeId: 'u2', period: '2026-03', cadence: 'total', measure: 'volume:new', value: 30 },
 * ], [{ id: 'u1', teamId: 't1' }, { id: 'u2', teamId: 't1' }], ctx);
 * //=> [{ period: 'FY2026', measure: 'volume:new', level: 'sellers-vs-company', sum: 90, target: 100,
 * //      gap: -10, ok: false, contributors: 2 }]
 */
import { CHANNELS, type Target, type TargetMeasure, type User } from '../core/records.ts';
import { periodRange } from '../periods/fiscal.ts';
import type { MetricContext } from './context.ts';
import { sumMoney } from './money.ts';
import { periodKind } from './target-attainment.ts';

export type PlanLevel = 'sellers-vs-team' | 'teams-vs-company' | 'sellers-vs-company';
export type PlanTarget = Pick<Target, 'period' | 'cadence' | 'scope' | 'scopeId' | 'measure' | 'value'>;

export interface PlanCheckRow {
  period: string;
  measure: TargetMeasure;
  level: PlanLevel;
  /** The team, for `sellers-vs-team` rows only. */
  teamId?: string;
  sum: number;
  target: number;
  gap: number;
  ok: boolean;
  contributors: number;
}

const LEVELS: PlanLevel[] = ['sellers-vs-team', 'teams-vs-company', 'sellers-vs-company'];

/** One person's or team's target for a period and measure, by the period rule; null when none. */
function contribution(all: readonly PlanTarget[], measure: TargetMeasure, period: string, start: number): number | null {
  if (measure === 'volume:total' && !all.some((t) => t.measure === measure)) {
    const parts = CHANNELS.map((c) => contribution(all, `volume:${c}`, period, start)).filter((v) => v !== null);
    return parts.length > 0 ? sumMoney(parts) : null;
  }
  const own = all.filter((t) => t.measure === measure);
  const exact = own.filter((t) => t.period === period);
  if (exact.length > 0) return sumMoney(exact.map((t) => t.value));
  const outer = periodRange(period, start);
  if (!outer) return null;
  for (const kind of ['month', 'quarter'] as const) {
    const inside = own.filter((t) => {
      const range = periodKind(t.period) === kind ? periodRange(t.period, start) : undefined;
      return range !== undefined && range.start >= outer.start && range.end <= outer.end;
    });
    if (inside.length > 0) return sumMoney(inside.map((t) => t.value));
  }
  return null;
}

/** Plan-check rows for every team and company target, sorted by level, team, period, measure. */
export function planCheck(targets: readonly PlanTarget[], users: readonly Pick<User, 'id' | 'teamId'>[], ctx: MetricContext): PlanCheckRow[] {
  const start = ctx.settings.fiscalYearStartMonth;
  // Distinct customers are not additive (one customer worked by two sellers counts once).
  const plans = targets.filter((t) => t.cadence === 'total' && t.measure !== 'customers_worked');
  const byScope = (scope: Target['scope']) =>
    Map.groupBy(
      plans.filter((t) => t.scope === scope),
      (t) => t.scopeId,
    );
  const sellers = byScope('seller');
  const teams = byScope('team');
  const teamOf = new Map(users.map((user) => [user.id, user.teamId]));
  const rows: PlanCheckRow[] = [];
  const check = (higher: PlanTarget[], lower: PlanTarget[][], level: PlanLevel, teamId?: string) => {
    const keys = new Set(higher.map((t) => `${t.period}\u0000${t.measure}`));
    for (const key of keys) {
      const [period, measure] = key.split('\u0000') as [string, TargetMeasure];
      const target = sumMoney(higher.filter((t) => t.period === period && t.measure === measure).map((t) => t.value));
      const parts = lower.map((rows) => contribution(rows, measure, period, start)).filter((v) => v !== null);
      const sum = sumMoney(parts);
      const gap = sumMoney([sum, -target]);
      // Teams are an optional level: a measure no team has a target for was not broken down to teams.
      if (level === 'teams-vs-company' && parts.length === 0) continue;
      const row: PlanCheckRow = { period, measure, level, sum, target, gap, ok: gap >= 0, contributors: parts.length };
      rows.push(teamId === undefined ? row : { ...row, teamId });
    }
  };
  // A level with no targets at all (e.g. no teams yet) is not checked: nothing was broken down.
  for (const [teamId, teamTargets] of sellers.size > 0 ? teams : []) {
    const members = [...sellers].filter(([sellerId]) => teamOf.get(sellerId) === teamId).map(([, t]) => t);
    check(teamTargets, members, 'sellers-vs-team', teamId);
  }
  const company = [...byScope('company').values()].flat();
  if (teams.size > 0) check(company, [...teams.values()], 'teams-vs-company');
  if (sellers.size > 0) check(company, [...sellers.values()], 'sellers-vs-company');
  const order = (r: PlanCheckRow) => [LEVELS.indexOf(r.level), r.teamId ?? '', r.period, r.measure].join('\u0000');
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

export interface PlanVerdict {
  /** The rule the verdict is held to. */
  rule: 'sellers-vs-company';
  /** null when nothing was checked (no company or no seller targets). */
  passes: boolean | null;
  /** Company targets (period × measure) the sellers' targets fall short of. */
  failing: number;
  checked: number;
}

/** Does the plan pass the documented rule: Σ seller targets ≥ company target, for every company target? */
export function planVerdict(rows: readonly PlanCheckRow[]): PlanVerdict {
  const checked = rows.filter((row) => row.level === 'sellers-vs-company');
  const failing = checked.filter((row) => !row.ok).length;
  return { rule: 'sellers-vs-company', passes: checked.length === 0 ? null : failing === 0, failing, checked: checked.length };
}
