/**
 * Reads `tavla.config.json` from the data folder (defaults when absent) and resolves the
 * as-of date. Problems are returned as fatal issues naming the file and the key, not thrown.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Issue } from '../core/issue.ts';
import { chooseAsOf } from './as-of.ts';
import { settingsSchema, type Settings } from './schema.ts';

export const SETTINGS_FILE = 'tavla.config.json';

export type SettingsResult = { ok: true; settings: Settings; present: boolean } | { ok: false; issues: Issue[] };

/** Validates settings already parsed from JSON. */
export function parseSettings(raw: unknown, file = SETTINGS_FILE): SettingsResult {
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data, present: true };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      code: 'InvalidSettings',
      file,
      line: 0,
      field: issue.path.join('.') || undefined,
      message: issue.message,
    })),
  };
}

export async function loadSettings(dataDir: string): Promise<SettingsResult> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: true, settings: settingsSchema.parse({}), present: false };
    }
    return {
      ok: false,
      issues: [{ code: 'InvalidSettings', file: SETTINGS_FILE, line: 0, message: `cannot be read: ${(error as Error).message}` }],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      issues: [{ code: 'InvalidSettings', file: SETTINGS_FILE, line: 0, message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return parseSettings(json);
}

/**
 * The as-of date: `override` (TAVLA_AS_OF) when given, else the setting, else today in the
 * settings' time zone. Throws when the override is not a valid date (./as-of.ts).
 */
export function resolveAsOf(settings: Settings, now: Date, override?: string): string {
  return chooseAsOf({ override, setting: settings.asOf, timeZone: settings.timeZone, now }).asOf;
}
