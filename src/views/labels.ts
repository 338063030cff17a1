/** Names of target measures as the pages show them. */
import { t, type Locale } from '../i18n/index.ts';
import { ACTIVITY_TYPES, CHANNELS, type ActivityType, type Channel } from '../core/records.ts';

/** `volume:new` → "Nyförsäljning", `volume:total` → "Totalt", `revenue` → "Omsättning",
 * `activity:call` → "Samtal". */
export function measureLabel(locale: Locale, measure: string): string {
  if (measure === 'volume:total') return t(locale, 'common.total');
  if (measure === 'revenue') return t(locale, 'metric.revenue');
  if (measure === 'customers_worked') return t(locale, 'metric.customersWorked');
  if (measure.startsWith('activity:')) return t(locale, `activity.${measure.slice('activity:'.length) as ActivityType}`);
  return t(locale, `channel.${measure.slice('volume:'.length) as Channel}`);
}

/** Any target measure: `volume:*` and `revenue` as above, `activity:call` → "Samtal". */
export function measureOrActivityLabel(locale: Locale, measure: string): string {
  if (measure.startsWith('activity:')) {
    const type = measure.slice('activity:'.length);
    return (ACTIVITY_TYPES as readonly string[]).includes(type) ? t(locale, `activity.${type as ActivityType}`) : measure;
  }
  if (measure === 'revenue' || measure === 'volume:total' || (CHANNELS as readonly string[]).includes(measure.slice('volume:'.length))) return measureLabel(locale, measure);
  return measure;
}
