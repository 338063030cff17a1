/** Names of target measures as the pages show them. */
import { t, type Locale } from '../i18n/index.ts';
import type { ActivityType, Channel } from '../core/records.ts';

/** `volume:new` → "Nyförsäljning", `volume:total` → "Totalt", `revenue` → "Omsättning",
 * `activity:call` → "Samtal". */
export function measureLabel(locale: Locale, measure: string): string {
  if (measure === 'volume:total') return t(locale, 'common.total');
  if (measure === 'revenue') return t(locale, 'metric.revenue');
  if (measure === 'customers_worked') return t(locale, 'metric.customersWorked');
  if (measure.startsWith('activity:')) return t(locale, `activity.${measure.slice('activity:'.length) as ActivityType}`);
  return t(locale, `channel.${measure.slice('volume:'.length) as Channel}`);
}
