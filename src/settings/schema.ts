/**
 * The settings file `tavla.config.json` in the data folder, validated once and defaulted.
 * Every later stage reads the normalized `Settings`, never the raw file.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, CHANNELS, FORECAST_CATEGORIES, HATS } from '../core/records.ts';
import { asOfProblem } from './as-of.ts';
import { isCurrencyCode } from './currency.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar day from 2000-01-01 to 2099-12-31 (./as-of.ts); the message says what is wrong. */
const asOfDate = z.string().superRefine((value, ctx) => {
  const problem = asOfProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A day written `YYYY-MM-DD`. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD');

export const stageSchema = z.object({
  /** The stage as the CRM exports it (matched case-insensitively, trimmed). */
  id: z.string().min(1),
  label: z.string().optional(),
  /** Win probability 0..1 used for the weighted pipeline. */
  probability: z.number().min(0).max(1),
  status: z.enum(['open', 'won', 'lost']),
  forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
  /** Other spellings of the same stage in exports. */
  aliases: z.array(z.string()).default([]),
  /** Days without activity or update after which an open deal in this stage is stalled. */
  stalledDays: z.number().int().positive().optional(),
});

export const DEFAULT_STAGES: z.input<typeof stageSchema>[] = [
  { id: 'qualification', label: 'Qualification', probability: 0.1, status: 'open', forecastCategory: 'pipeline' },
  { id: 'meeting', label: 'Needs analysis', probability: 0.2, status: 'open', forecastCategory: 'pipeline' },
  { id: 'proposal', label: 'Proposal', probability: 0.5, status: 'open', forecastCategory: 'best_case' },
  { id: 'negotiation', label: 'Negotiation', probability: 0.8, status: 'open', forecastCategory: 'commit' },
  { id: 'won', label: 'Closed won', probability: 1, status: 'won', forecastCategory: 'closed' },
  { id: 'lost', label: 'Closed lost', probability: 0, status: 'lost', forecastCategory: 'omitted' },
];

/**
 * One export file read with a hand-written column mapping (any CRM or spreadsheet): the file's
 * name in the data folder and, per canonical column (docs/data-format.md), the header that holds
 * it. Unmapped columns are still found under their canonical names.
 */
export const mappedFileSchema = z
  .object({
    file: z.string().min(1),
    /** Canonical column → header as written in the file, e.g. `{"amount": "Ordervärde"}`. */
    columns: z.record(z.string(), z.string().min(1)).default({}),
    /** The decimal separator of the file's numbers; resolves `1,234` and `12.500`. */
    decimal: z.enum([',', '.']).optional(),
    /** Day order of this file's dates written with `/` or `.`, when it differs from `dateOrder`. */
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    /**
     * Canonical column → one value for every row, for a column the export lacks, e.g.
     * `{"status": "won"}` for a file holding only won deals (`status` sets a deals file's stage to
     * the settings' first stage with that status).
     */
    constants: z.record(z.string(), z.string()).default({}),
    /** The status from dates: a row whose `won` (or `lost`) header has a value is won (lost); else open. */
    statusFrom: z
      .object({ won: z.string().min(1).optional(), lost: z.string().min(1).optional() })
      .strict()
      .optional(),
    /**
     * Columns taken from a second file by key: rows whose `key` header equals the other file's
     * `on` header get `columns` (canonical column → header in the other file) from it.
     */
    join: z
      .object({
        file: z.string().min(1),
        key: z.string().min(1),
        on: z.string().min(1),
        columns: z.record(z.string(), z.string().min(1)),
      })
      .strict()
      .optional(),
  })
  .strict();

export const MAPPABLE_FILES = ['deals', 'accounts', 'activities', 'users', 'targets', 'funnel', 'invoices', 'leads'] as const;
export type MappableFile = (typeof MAPPABLE_FILES)[number];

export const settingsSchema = z
  .object({
    /** Shown in the site header. */
    company: z.string().default('Company'),
    /** Display names of market teams by team id, e.g. `{"goteborg": "Göteborg"}`. */
    teamNames: z.record(z.string(), z.string()).default({}),
    /** Reporting currency, any ISO 4217 code: amounts in other currencies are converted with `exchangeRates`. */
    currency: z.string().refine(isCurrencyCode, { message: 'expected an ISO 4217 currency code in capitals, such as "SEK", "EUR" or "USD"' }).default('SEK'),
    /** Units of the reporting currency per one unit of another currency, e.g. `{"EUR": 11.4}`. */
    exchangeRates: z.record(z.string(), z.number().positive()).default({}),
    /**
     * Dated rates (src/settings/rate-on.ts): per currency, periods of units of the reporting
     * currency per one unit, each from `from` up to (not including) `to`, e.g.
     * `{"EUR": [{"from": "2026-01-01", "to": "2026-07-01", "rate": 11.4}]}`. A deal is converted
     * at the rate of the period holding its close date (created date for an open deal without
     * one), else at `exchangeRates`. A Salesforce `DatedConversionRate.csv` fills it.
     */
    datedExchangeRates: z
      .record(
        z.string(),
        z.array(
          z
            .object({ from: isoDay, to: isoDay.optional(), rate: z.number().positive() })
            .strict()
            .refine((p) => p.to === undefined || p.from < p.to, { message: 'expected from before to' }),
        ),
      )
      .default({}),
    /** Default language of the site; the others stay reachable. */
    locale: z.enum(['sv', 'da', 'en']).default('sv'),
    /** IANA time zone that decides which day (and so week, month, quarter) a timestamp is in. */
    timeZone: z.string().refine(isTimeZone, { message: 'expected an IANA time zone such as "Europe/Stockholm"' }).default('Europe/Stockholm'),
    /** First month of the fiscal year, 1 = January. FY2026 is the fiscal year starting in 2026. */
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    /**
     * The day the report is "as of". When absent (the normal case) the build uses today in
     * `timeZone`; `TAVLA_AS_OF` overrides both. Pinning it freezes the report at that day.
     */
    asOf: asOfDate.optional(),
    /**
     * Years a date cell may have (src/ingest/plausible-date.ts); a date outside is rejected
     * (BadDate), so a typo like 0026 or 9999 never stretches the report over centuries.
     */
    plausibleYears: z
      .object({ from: z.number().int().min(1000), to: z.number().int().max(9999) })
      .refine((w) => w.from <= w.to, { message: 'expected from ≤ to' })
      .default({ from: 1990, to: 2100 }),
    /** Order of day and month in dates written with `/` or `.`; never guessed. */
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
    /** Ordered stages of the sales process, open stages first. */
    stages: z.array(stageSchema).min(2).prefault(DEFAULT_STAGES),
    /** A customer with no won deal for this many months is passive: a new deal is a win-back. */
    winbackMonths: z.number().int().positive().default(12),
    /**
     * Whether a deal whose export gives no channel gets one inferred from the customer's history
     * (src/model/channels.ts): `on`; `off` (shown as "channel not set"); `auto`, only once the
     * export's history reaches `winbackMonths` back from the deal's date.
     */
    channelInference: z.enum(['auto', 'on', 'off']).default('auto'),
    /** A deal starting within this many days of an earlier contract's end continues it (renewal). */
    renewalWindowDays: z.number().int().nonnegative().default(90),
    /** Default days without activity or update after which an open deal is stalled. */
    stalledDays: z.number().int().positive().default(30),
    /** The export is stale when its newest record is this many days older than as-of. */
    staleExportDays: z.number().int().positive().default(7),
    /**
     * How far the parts of a plan may fall short of the whole before PlanGap flags it (rounding
     * of broken-down targets): the larger of `amount` (reporting currency, money measures only)
     * and `share` of the whole target.
     */
    planGapTolerance: z
      .object({ amount: z.number().nonnegative().default(10_000), share: z.number().min(0).max(1).default(0.005) })
      .strict()
      .prefault({}),
    /** CRM channel values → canonical channel (keys matched case-insensitively). */
    channelMap: z.record(z.string(), z.enum(CHANNELS)).default({}),
    /** CRM activity types → canonical type (keys matched case-insensitively). */
    activityTypeMap: z.record(z.string(), z.enum(ACTIVITY_TYPES)).default({}),
    /** CRM role names → hats (keys matched case-insensitively). */
    hatMap: z.record(z.string(), z.enum(HATS)).default({}),
    /** Publish people by initials only, on every page, chart, download and report.json. */
    initialsOnly: z.boolean().default(false),
    /**
     * When the overview and the meeting pages flag something as needing attention. Ratios are
     * shares (0.9 = 90 %); amounts are in the reporting currency.
     */
    attention: z
      .object({
        /** A team or seller below this attainment year to date is behind (red); at or above 1 on track. */
        attainmentBelow: z.number().min(0).max(2).default(0.9),
        /** Slipped or stalled open value above this amount is worth a look. */
        slippedAmountAbove: z.number().nonnegative().default(0),
        stalledAmountAbove: z.number().nonnegative().default(0),
        /** Weighted pipeline falling this many weeks in a row is flagged. */
        fallingWeeks: z.number().int().min(2).max(12).default(3),
      })
      .strict()
      .prefault({}),
    /**
     * Address of a deal in the CRM, with `{id}` where the deal id goes, e.g.
     * `https://crm.example.com/deals/{id}`. Only http(s) addresses; every deal links to its record.
     */
    crmDealUrl: z
      .string()
      .regex(/^https?:\/\/[^\s"'<>]+$/i, 'expected an http(s) address with {id} where the deal id goes')
      .refine((url) => url.includes('{id}'), 'expected {id} where the deal id goes')
      .optional(),
    /**
     * Hand-written column mappings per canonical file, for exports no preset recognises
     * (docs/exporting.md). A mapped file is read instead of the canonical file and detection.
     */
    mapping: z.partialRecord(z.enum(MAPPABLE_FILES), mappedFileSchema).optional(),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type Stage = z.output<typeof stageSchema>;
export type MappedFile = z.output<typeof mappedFileSchema>;
