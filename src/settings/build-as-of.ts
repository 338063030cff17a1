/**
 * The as-of date of one build, decided before anything is computed, so the build cache can key
 * on it: `TAVLA_AS_OF`, else the settings' `asOf`, else today in the settings' time zone
 * (src/settings/as-of.ts). A pinned `asOf` in the settings is named in the log, because a
 * report pinned by mistake looks right but never moves.
 */
import { chooseAsOf } from './as-of.ts';
import { loadSettings } from './load-settings.ts';
import { formatIssue } from '../core/issue.ts';

export type BuildAsOf = { ok: true; asOf: string; note: string } | { ok: false; message: string };

export async function buildAsOf(dataDir: string, override: string | undefined, now: Date): Promise<BuildAsOf> {
  const loaded = await loadSettings(dataDir);
  if (!loaded.ok) return { ok: false, message: loaded.issues.map(formatIssue).join('\n') };
  let chosen: ReturnType<typeof chooseAsOf>;
  try {
    chosen = chooseAsOf({ override: override || undefined, setting: loaded.settings.asOf, timeZone: loaded.settings.timeZone, now });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const note =
    chosen.source === 'TAVLA_AS_OF'
      ? `as of ${chosen.asOf} (TAVLA_AS_OF)`
      : chosen.source === 'setting'
        ? `as of ${chosen.asOf}, pinned by "asOf" in the settings: the report does not move with the calendar (remove "asOf" for a nightly build)`
        : `as of ${chosen.asOf} (today in ${loaded.settings.timeZone})`;
  return { ok: true, asOf: chosen.asOf, note };
}
