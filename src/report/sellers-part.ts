/**
 * The report's sellers: each user's figures, open deals and — for account managers — sales
 * volume beside invoiced revenue per customer they own.
 */
import { openDeals } from '../metrics/open-pipeline.ts';
import { volumeVsRevenue } from '../metrics/revenue.ts';
import { wonInRange } from '../metrics/sales-volume.ts';
import { groupBy } from '../model/group-by.ts';
import { dealList } from './deal-lines.ts';
import { compareNames } from './people.ts';
import type { ReportParts } from './report-scopes.ts';
import { scopeFigures } from './scope-figures.ts';
import type { SellerEntry } from './site-model.ts';

export function sellerEntries(parts: ReportParts): SellerEntry[] {
  const { model, scopes, persons, periods, lines, ctx } = parts;
  const volumeAndRevenue = customerVolumes(parts);
  return model.users.map((user) => ({
    person: persons.ref(user.id),
    teamId: user.teamId,
    teamName: model.teams.find((t) => t.id === user.teamId)?.name ?? '—',
    hats: user.hats,
    figures: scopeFigures(scopes.ofSeller(user.id), periods, ctx),
    // The same open deals as the seller's open pipeline (one rule: `openDeals`).
    openDeals: dealList(openDeals(scopes.dealsByOwner.get(user.id) ?? [], ctx.asOf), lines, 50),
    volumeAndRevenue: volumeAndRevenue(user.id),
  }));
}

/**
 * Account managers / KAMs see sales volume and invoiced revenue side by side, per customer they
 * own; null for a user who owns no account. Volume counts the deals won in year-to-date only.
 */
function customerVolumes({ model, periods, lines }: ReportParts): (userId: string) => SellerEntry['volumeAndRevenue'] {
  const { records } = model;
  const wonYtdByAccount = groupBy(wonInRange(model.deals, periods.yearToDate), (d) => d.accountId);
  const accountsByOwner = groupBy(records.accounts, (a) => a.ownerId);
  const invoicesByAccount = groupBy(records.invoices, (i) => i.accountId);
  return (userId) => {
    const owned = accountsByOwner.get(userId) ?? [];
    if (owned.length === 0) return null;
    const ids = owned.map((a) => a.id);
    const result = volumeVsRevenue(
      ids.flatMap((id) => wonYtdByAccount.get(id) ?? []),
      ids.flatMap((id) => invoicesByAccount.get(id) ?? []),
      ids,
      periods.yearToDate,
    );
    return {
      ...result,
      accounts: result.accounts
        .map((row) => ({ ...row, name: lines.accountName(row.accountId) }))
        .sort((a, b) => b.revenue + b.annualVolume - (a.revenue + a.annualVolume) || compareNames(a.name, b.name)),
    };
  };
}
