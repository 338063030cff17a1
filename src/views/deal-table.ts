/** A list of deals as a table: deal, customer, owner, stage, channel (with its reason), value, dates. */
import { t } from '../i18n/index.ts';
import type { DealLine, DealList, DealRows } from '../report/deal-lines.ts';
import type { SellerEntry } from '../report/site-model.ts';
import { crmDealHref, dealColumns } from './crm-link.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';

/** Deal lines on the page: the largest of the list (`DealList.deals`). */
export const DEAL_PAGE_ROWS = 25;

/**
 * The page shows the list's largest deals and says how many of how many; the CSV holds every
 * deal of the list (from `rows`, the site model's deal rows, when given; else the lines at hand).
 * Both money columns are shown: contract value and annual sales volume, each with its total.
 */
export function dealTable(
  id: string,
  title: string,
  list: DealList,
  f: Fmt,
  dateColumn: 'close' | 'created' = 'close',
  rows?: DealRows,
  /** Fewer lines than the list holds, for a page with several lists (the month's). */
  pageRows = DEAL_PAGE_ROWS,
): ViewTable {
  const { locale } = f;
  const lines = list.deals.slice(0, pageRows);
  const totals = t(locale, 'deals.totals', { contract: f.money(list.amount), annual: f.money(list.annualAmount) });
  const shown = lines.length < list.count ? ` ${t(locale, 'deals.largestShown', { shown: f.number(lines.length), total: f.number(list.count) })}` : '';
  const date = (d: DealLine) => (dateColumn === 'close' ? d.close : d.created);
  const table = buildTable<DealLine>(
    { id, title: `${title} (${f.number(list.count)})`, description: `${totals}${shown}` },
    [
      ...dealColumns<DealLine>(f, (d) => d),
      { label: t(locale, 'common.customer'), key: 'account', show: (d) => d.account || t(locale, 'common.noAccount'), raw: (d) => d.account },
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => d.owner.name, raw: (d) => d.owner.name },
      { label: t(locale, 'common.stage'), key: 'stage', show: (d) => d.stage, raw: (d) => d.stage },
      { label: t(locale, 'channel.label'), key: 'channel', show: (d) => t(locale, `channel.${d.channel}`), raw: (d) => d.channel },
      {
        label: t(locale, 'unit.contractValue'),
        key: 'contract_value',
        align: 'end',
        show: (d) => (d.amountMissing ? t(locale, 'common.amountNotSet') : f.money(d.amount)),
        raw: (d) => (d.amountMissing ? '' : d.amount),
      },
      {
        label: t(locale, 'unit.annualVolume'),
        key: 'annual_volume',
        align: 'end',
        show: (d) => (d.amountMissing ? t(locale, 'common.amountNotSet') : f.money(d.annualAmount)),
        raw: (d) => (d.amountMissing ? '' : d.annualAmount),
      },
      {
        label: dateColumn === 'close' ? t(locale, 'common.closeDate') : t(locale, 'common.created'),
        key: dateColumn === 'close' ? 'close_date' : 'created_date',
        // An unknown date (no expected close date, no created date) is "–", never a made-up day.
        show: (d) => ((dateColumn === 'close' && d.closeMissing) || date(d) === '' ? '–' : f.date(date(d))),
        raw: (d) => (dateColumn === 'close' && d.closeMissing ? '' : date(d)),
      },
    ],
    lines,
  );
  if (rows === undefined) return table;
  // Read when the CSV is written, so a page that only shows the table never builds these rows.
  const csvRows = () =>
    list.ids.map((dealId) => {
      const [name, account, owner, stage, , channel, amount, annual, created, close] = rows[dealId]!;
      const crm = f.crmDealUrl ? [crmDealHref(f.crmDealUrl, dealId) ?? ''] : [];
      return [name, ...crm, account, owner, stage, channel, amount, annual, dateColumn === 'close' ? close : created];
    });
  return {
    ...table,
    csv: {
      header: table.csv.header,
      get rows() {
        return csvRows();
      },
    },
  };
}

/** Sales volume and invoiced revenue per customer, side by side (account managers / KAMs). */
/** Rows on the page of lists that grow with the export (customers, stalled and slipped deals). */
export const PAGE_ROWS = 50;

export function volumeRevenueTable(id: string, data: NonNullable<SellerEntry['volumeAndRevenue']>, f: Fmt): ViewTable {
  const { locale } = f;
  return buildTable(
    {
      id,
      title: t(locale, 'kam.title'),
      description: t(locale, 'kam.desc'),
      footer: [t(locale, 'common.total'), f.money(data.total.annualVolume), f.money(data.total.revenue), f.number(data.total.invoices)],
      pageRows: PAGE_ROWS,
    },
    [
      { label: t(locale, 'common.customer'), key: 'account', show: (r) => r.name, raw: (r) => r.name },
      { label: t(locale, 'metric.annualVolume'), key: 'annual_volume', align: 'end', show: (r) => f.money(r.annualVolume), raw: (r) => r.annualVolume },
      { label: t(locale, 'metric.revenue'), key: 'revenue', align: 'end', show: (r) => f.money(r.revenue), raw: (r) => r.revenue },
      { label: t(locale, 'kam.invoices'), key: 'invoices', align: 'end', show: (r) => f.number(r.invoices), raw: (r) => r.invoices },
    ],
    data.accounts,
  );
}
