/** A list of deals as a table: deal, customer, owner, stage, channel (with its reason), value, dates. */
import { t } from '../i18n/index.ts';
import type { DealLine, DealList } from '../report/deal-lines.ts';
import { buildTable } from './build-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';

export function dealTable(id: string, title: string, list: DealList, f: Fmt, dateColumn: 'close' | 'created' = 'close'): ViewTable {
  const { locale } = f;
  const more = list.more > 0 ? ` ${t(locale, 'table.more', { count: f.number(list.more) })}` : '';
  return buildTable<DealLine>(
    {
      id,
      title: `${title} (${f.number(list.count)})`,
      description: `${t(locale, 'common.total')}: ${f.money(list.amount)}.${more}`,
    },
    [
      { label: t(locale, 'common.deal'), key: 'deal', show: (d) => d.name, raw: (d) => d.name },
      { label: t(locale, 'common.customer'), key: 'account', show: (d) => d.account, raw: (d) => d.account },
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => d.owner.name, raw: (d) => d.owner.name },
      { label: t(locale, 'common.stage'), key: 'stage', show: (d) => d.stage, raw: (d) => d.stage },
      { label: t(locale, 'channel.label'), key: 'channel', show: (d) => t(locale, `channel.${d.channel}`), raw: (d) => d.channel },
      { label: t(locale, 'common.value'), key: 'amount', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      {
        label: dateColumn === 'close' ? t(locale, 'common.closeDate') : t(locale, 'common.created'),
        key: dateColumn === 'close' ? 'close_date' : 'created_date',
        show: (d) => f.date(dateColumn === 'close' ? d.close : d.created),
        raw: (d) => (dateColumn === 'close' ? d.close : d.created),
      },
    ],
    list.deals,
  );
}
