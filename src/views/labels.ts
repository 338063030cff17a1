/** Names of target measures as the pages show them. */
import { t, type Locale } from '../i18n/index.ts';
import type { Channel } from '../core/records.ts';

/** `volume:new` → "Nyförsäljning", `volume:total` → "Totalt", `revenue` → "Omsättning". */
export function measureLabel(locale: Locale, measure: string): string {
  if (measure === 'volume:total') return t(locale, 'common.total');
  if (measure === 'revenue') return t(locale, 'metric.revenue');
  return t(locale, `channel.${measure.slice('volume:'.length) as Channel}`);
}
