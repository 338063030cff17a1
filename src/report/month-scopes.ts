/**
 * The scopes of the month-end attainment (company, each team, each seller with targets or deals),
 * each asked for one fiscal year and a date to run to.
 *
 * Month-end attainment reads won deals only, and only those of the month's fiscal year: the
 * company's won deals are grouped by fiscal year once, and a year's are split by team and by
 * owner when first asked for — the same deals, in the same order, as filtering each team's and
 * seller's own deals. Each scope sums its months once; a month-end year-to-date is then the sum
 * of its whole months (the current month is summed directly).
 */
import type { ModelDeal } from '../core/records.ts';
import { salesVolume, salesVolumeByMonth, sumVolumes, type SalesVolumeMonth } from '../metrics/sales-volume.ts';
import type { Model } from '../model/build-model.ts';
import { groupBy } from '../model/group-by.ts';
import { fiscalYearOf, fiscalYearRange, monthOf, monthRange } from '../periods/fiscal.ts';
import type { MonthInput, ScopeForMonth } from './month-figures.ts';
import type { People } from './people.ts';
import type { ReportScopes } from './report-scopes.ts';

/** A scope at the end of a month: its won deals of the fiscal year and its volume through a date. */
type MonthScope<S> = (fiscalYear: number, through: string) => S;

export interface MonthScopes {
  company: MonthScope<MonthInput['company']>;
  teams: MonthScope<MonthInput['teams'][number]>[];
  sellers: MonthScope<MonthInput['sellers'][number]>[];
}

export function monthScopes(model: Model, scopes: ReportScopes, persons: People): MonthScopes {
  const fiscalStart = model.settings.fiscalYearStartMonth;
  const wonOfYear = groupBy(
    model.deals.filter((d) => d.status === 'won'),
    (d) => String(fiscalYearOf(d.close, fiscalStart)),
  );
  const splitOfYear = new Map<string, { byTeam: Map<string, ModelDeal[]>; byOwner: Map<string, ModelDeal[]> }>();
  const splitYear = (fiscalYear: number) => {
    const key = String(fiscalYear);
    let split = splitOfYear.get(key);
    if (split === undefined) {
      const deals = wonOfYear.get(key) ?? [];
      splitOfYear.set(key, (split = { byTeam: groupBy(deals, (d) => d.teamId), byOwner: groupBy(deals, (d) => d.ownerId) }));
    }
    return split;
  };
  return {
    company: wonByFiscalYear(scopes.company, fiscalStart, (y) => wonOfYear.get(String(y)) ?? []),
    teams: model.teams.map((team) =>
      wonByFiscalYear({ id: team.id, name: team.name, ...scopes.ofTeam.get(team.id)! }, fiscalStart, (y) => splitYear(y).byTeam.get(team.id) ?? []),
    ),
    sellers: model.users
      .map((user) => ({ userId: user.id, seller: { person: persons.ref(user.id), teamId: user.teamId, ...scopes.ofSeller(user.id) } }))
      .filter(({ seller }) => seller.targets.length > 0 || seller.deals.length > 0)
      .map(({ userId, seller }) => wonByFiscalYear(seller, fiscalStart, (y) => splitYear(y).byOwner.get(userId) ?? [])),
  };
}

/** The scope with its won deals of a fiscal year and its volume through a date, months summed once per year. */
function wonByFiscalYear<S extends ScopeForMonth>(scope: S, fiscalStart: number, wonIn: (fiscalYear: number) => ModelDeal[]): MonthScope<S> {
  const monthly = new Map<number, SalesVolumeMonth[]>();
  return (fiscalYear, through) => {
    const deals = wonIn(fiscalYear);
    const year = fiscalYearRange(fiscalYear, fiscalStart);
    const ytd = { start: year.start, end: through };
    let months = monthly.get(fiscalYear);
    if (months === undefined) monthly.set(fiscalYear, (months = salesVolumeByMonth(deals, year)));
    const volumeYtd =
      through === monthRange(monthOf(through)).end
        ? sumVolumes(
            months.filter((m) => m.month <= monthOf(through)),
            ytd,
          )
        : salesVolume(deals, ytd);
    return { ...scope, deals, volumeYtd };
  };
}
