/**
 * Groups the records the meeting pages need once (deals by close week, won deals by close month
 * per scope) and builds every week's agenda and every month's board pack from them.
 */
import type { MetricContext } from '../metrics/context.ts';
import type { Model } from '../model/build-model.ts';
import { groupBy } from '../model/group-by.ts';
import type { ModelDeal, Target } from '../core/records.ts';
import { monthOf } from '../periods/fiscal.ts';
import { addWeeks, isoWeekOf } from '../periods/iso-week.ts';
import type { DealLineContext } from './deal-lines.ts';
import { behindOnGoals, monthPacks, sellerMonth, weekAgenda, type PackScope } from './meeting-figures.ts';
import type { ScopeRecords } from './scope-figures.ts';
import type { MeetingsSection } from './site-model.ts';

export interface MeetingsInput {
  model: Model;
  /** The model's deals, largest first (`largestFirst`). */
  largestFirstDeals: readonly ModelDeal[];
  weeks: readonly string[];
  months: readonly string[];
  companyTargets: readonly Target[];
  recordsOfTeam: ReadonlyMap<string, ScopeRecords>;
  sellerTargets: (id: string) => readonly Target[];
  dealsOfMonth: (month: string) => readonly ModelDeal[];
  lines: DealLineContext;
  ctx: MetricContext;
}

function packScope(id: string, deals: readonly ModelDeal[], targets: readonly Target[]): PackScope {
  return { id, targets, byCloseMonth: groupBy(deals, (d) => monthOf(d.close)) };
}

export function meetingsSection(input: MeetingsInput): MeetingsSection {
  const { model, ctx, lines } = input;
  const byCloseWeek = groupBy(input.largestFirstDeals, (d) => isoWeekOf(d.close));
  const sellers = model.users
    .map((u) => ({ id: u.id, teamId: u.teamId, targets: input.sellerTargets(u.id).filter((t) => t.cadence === 'weekly') }))
    .filter((s) => s.targets.length > 0);
  const behind = behindOnGoals(input.weeks, sellers, model.records.activityFacts.counts, lines, ctx);
  const agendas = input.weeks.map((week) =>
    weekAgenda(
      week,
      {
        companyTargets: input.companyTargets,
        closing: [...(byCloseWeek.get(week) ?? []), ...(byCloseWeek.get(addWeeks(week, 1)) ?? [])],
        behind: behind.get(week) ?? [],
      },
      lines,
      ctx,
    ),
  );
  const packs = monthPacks(
    input.months,
    {
      company: packScope('', model.deals, input.companyTargets),
      teams: model.teams.map((team) => {
        const records = input.recordsOfTeam.get(team.id);
        return packScope(team.id, records?.deals ?? [], records?.targets ?? []);
      }),
      dealsOfMonth: input.dealsOfMonth,
    },
    ctx,
  );
  const month = monthOf(ctx.asOf);
  const byOwner = groupBy(model.deals, (d) => d.ownerId);
  const bySdr = groupBy(
    model.deals.filter((d) => d.sdrId),
    (d) => d.sdrId ?? '',
  );
  const sellerMonths = model.users.map((u) => sellerMonth(u.id, month, byOwner.get(u.id) ?? [], bySdr.get(u.id) ?? [], lines, ctx));
  return { attention: ctx.settings.attention, crmDealUrl: ctx.settings.crmDealUrl ?? null, agendas, packs, sellers: sellerMonths };
}
