/**
 * The rule catalog: every data problem tavla reports has a PERMANENT code here (never renamed,
 * never reused), like Astro's errors-data.ts. Validation uses the `fatal` and `rejection` rules,
 * src/quality/checks the `check` rules; the quality page and docs/data-quality.md read this file.
 *
 * Messages follow formatIssue: they never repeat the file, line or field (the prefix gives them),
 * quote values verbatim as data (escaping is the page's job) and stay terse; the hint says what to
 * fix in the CRM or the settings.
 */
import type { Issue, IssueArg } from './issue.ts';

export type Severity = 'error' | 'warning' | 'info';
/** `fatal` stops the build; `rejection` drops one row; `check` keeps the row and shows the issue. */
export type RuleKind = 'fatal' | 'rejection' | 'check';

/** Where an issue points; empty `field`, `recordId` and `ownerId` are left out of the Issue. */
export interface IssueAt {
  file: string;
  line: number;
  column?: number;
  field?: string;
  recordId?: string;
  ownerId?: string;
}

export interface Rule<Code extends string = string, Args = never> {
  code: Code;
  /** Short English title, translated by the site. */
  title: string;
  severity: Severity;
  kind: RuleKind;
  /** What triggers the rule, for the docs. */
  trigger: string;
  message: (args: Args) => string;
  /** What to do about it. */
  hint: string;
  /** Sample arguments and location, rendered in docs/data-quality.md. */
  example: { args: Args; at: IssueAt };
}

/** Args are inferred from `message`'s parameter only; the example must fit them. */
function rule<const Code extends string, Args>(def: Omit<Rule<Code, Args>, 'example'> & { example: { args: NoInfer<Args>; at: IssueAt } }): Rule<Code, Args> {
  return def;
}

/** A cell value in a message: verbatim between quotes, cut at 80 characters so a runaway cell stays readable. */
export function quote(value: string): string {
  return `"${value.length > 80 ? `${value.slice(0, 79)}…` : value}"`;
}

/** `1234567.5` → `1,234,567.50`; integers stay integers. */
export function formatNumber(n: number): string {
  const fixed = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(2);
  const [int = '', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** `1 day`, `20 days`. */
function dayCount(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

const TARGET_EXPECTED = {
  scope: 'company, team or seller',
  measure: 'volume:<channel|total>, activity:<type>, customers_worked or revenue',
  period: 'FY2026, 2026-03 or 2026-W47',
  cadence: 'total or weekly',
} as const;

export const RULES = {
  // ── fatal: the build stops ───────────────────────────────────────────────────────────
  MissingFile: rule({
    code: 'MissingFile',
    title: 'Required file missing',
    severity: 'error',
    kind: 'fatal',
    trigger: 'A required export (deals.csv) is not in the data folder.',
    message: (_: { file: string }) => 'required file not found in the data folder',
    hint: 'Export the file from the CRM into the data folder, or point TAVLA_DATA at the folder that holds it.',
    example: { args: { file: 'deals.csv' }, at: { file: 'deals.csv', line: 0 } },
  }),
  MissingColumn: rule({
    code: 'MissingColumn',
    title: 'Required column missing',
    severity: 'error',
    kind: 'fatal',
    trigger: 'A file that is present has no header for a required column.',
    message: ({ column, closest }: { file: string; column: string; closest?: string }) =>
      `required column ${quote(column)} not found` + (closest ? `; closest header is ${quote(closest)}` : ''),
    hint: 'Rename the header in the CRM report (headers match ignoring case, spaces, _ and -) or add the column to the export.',
    example: {
      args: { file: 'deals.csv', column: 'close_date', closest: 'Close Dat' },
      at: { file: 'deals.csv', line: 1 },
    },
  }),
  UnreadableFile: rule({
    code: 'UnreadableFile',
    title: 'File is not text',
    severity: 'error',
    kind: 'fatal',
    trigger: 'The file is binary (for example .xlsx or zip) rather than CSV text.',
    message: ({ reason }: { file: string; reason: string }) => `not a CSV text file (${reason})`,
    hint: 'Export as CSV (comma, semicolon or tab separated), not as a spreadsheet or an archive.',
    example: { args: { file: 'deals.csv', reason: 'contains NUL bytes' }, at: { file: 'deals.csv', line: 0 } },
  }),
  EmptyFile: rule({
    code: 'EmptyFile',
    title: 'File is empty',
    severity: 'error',
    kind: 'fatal',
    trigger: 'The file has no header line (zero bytes or only blank lines).',
    message: (_: { file: string }) => 'file is empty: no header line',
    hint: 'Export the file again; a file with a header and no rows is fine, an empty one is not.',
    example: { args: { file: 'accounts.csv' }, at: { file: 'accounts.csv', line: 0 } },
  }),
  TruncatedFile: rule({
    code: 'TruncatedFile',
    title: 'File ends inside a quote',
    severity: 'error',
    kind: 'fatal',
    trigger: 'The file ends inside a quoted field, so the export was cut off or a quote is unbalanced.',
    message: ({ line }: { file: string; line: number }) => `file ends inside a quoted field opened on line ${line}`,
    hint: 'Export the file again; if it recurs, check the cell that starts on that line for a stray quote.',
    example: { args: { file: 'activities.csv', line: 1208 }, at: { file: 'activities.csv', line: 1208 } },
  }),
  InvalidSettings: rule({
    code: 'InvalidSettings',
    title: 'Invalid settings',
    severity: 'error',
    kind: 'fatal',
    trigger: 'tavla.config.json is not valid JSON or a setting has a wrong value or an unknown key.',
    message: ({ path, problem }: { path: string; problem: string }) => `setting ${quote(path)}: ${problem}`,
    hint: 'Fix the value in tavla.config.json; docs/data-format.md lists every setting and its default.',
    example: {
      args: { path: 'fiscalYearStartMonth', problem: 'expected a number from 1 to 12, got 13' },
      at: { file: 'tavla.config.json', line: 0 },
    },
  }),
  NoRows: rule({
    code: 'NoRows',
    title: 'Deals file without rows',
    severity: 'error',
    kind: 'fatal',
    trigger: 'The deals file (or the deals export read in its place) has a header but no rows.',
    message: (_: { file: string }) => 'has a header but no rows; a report without deals would show every figure as zero',
    hint: 'Export the deals again: a saved view with a filter, or an export that failed half-way, can leave only the header line.',
    example: { args: { file: 'deals.csv' }, at: { file: 'deals.csv', line: 1 } },
  }),

  // ── rejection: the row is not used ───────────────────────────────────────────────────
  BadNumber: rule({
    code: 'BadNumber',
    title: 'Not a number',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A number cell cannot be read, or can be read more than one way.',
    message: ({ value }: { value: string }) => `expected a number, got ${quote(value)}`,
    hint: 'Write numbers as 1 234 567,50 or 1234567.50; a value like 12,3,4 is never guessed.',
    example: { args: { value: '12,3,4' }, at: { file: 'deals.csv', line: 42, column: 7, field: 'amount' } },
  }),
  BadDate: rule({
    code: 'BadDate',
    title: 'Not a date',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A date cell cannot be read, or is impossible in the configured day/month order.',
    message: ({ value, dateOrder }: { value: string; dateOrder: 'dmy' | 'mdy' }) =>
      `expected a date as YYYY-MM-DD or ${dateOrder === 'dmy' ? 'DD.MM.YYYY' : 'MM/DD/YYYY'}, got ${quote(value)}`,
    hint: 'Use YYYY-MM-DD in the export; if the CRM writes month first (11/23/2026), set dateOrder to "mdy".',
    example: {
      args: { value: '11/23/2026', dateOrder: 'dmy' },
      at: { file: 'deals.csv', line: 17, column: 9, field: 'close_date' },
    },
  }),
  MissingValue: rule({
    code: 'MissingValue',
    title: 'Required value empty',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A required cell is empty (or #N/A).',
    message: (_: { column: string }) => 'required, but the cell is empty',
    hint: 'Fill in the field in the CRM; the row is left out until it has a value.',
    example: { args: { column: 'stage' }, at: { file: 'deals.csv', line: 8, column: 5, field: 'stage' } },
  }),
  MalformedRow: rule({
    code: 'MalformedRow',
    title: 'Wrong number of fields',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A row has more or fewer fields than the header.',
    message: ({ expected, got }: { expected: number; got: number }) => `expected ${expected} fields as in the header, got ${got}`,
    hint: 'A delimiter or quote inside a value shifted the fields; quote such values or export again.',
    example: { args: { expected: 12, got: 13 }, at: { file: 'deals.csv', line: 120 } },
  }),
  UnknownStage: rule({
    code: 'UnknownStage',
    title: 'Unknown stage',
    severity: 'error',
    kind: 'rejection',
    trigger: "A deal's stage is neither a stage id nor an alias in the settings.",
    message: ({ value, known }: { value: string; known: readonly string[] }) => `unknown stage ${quote(value)}; known stages: ${known.join(', ')}`,
    hint: 'Add the stage, or this spelling as an alias, to stages in tavla.config.json.',
    example: {
      args: { value: 'Demo', known: ['qualification', 'meeting', 'proposal', 'negotiation', 'won', 'lost'] },
      at: { file: 'deals.csv', line: 31, column: 5, field: 'stage' },
    },
  }),
  UnknownChannel: rule({
    code: 'UnknownChannel',
    title: 'Unknown channel',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A channel cell is not renewal, upsell, winback or new, nor mapped by channelMap.',
    message: ({ value }: { value: string }) => `unknown channel ${quote(value)}; expected renewal, upsell, winback or new`,
    hint: 'Map the CRM value in channelMap in tavla.config.json, or leave the cell empty to have the channel inferred.',
    example: { args: { value: 'Partner' }, at: { file: 'deals.csv', line: 55, column: 10, field: 'channel' } },
  }),
  UnknownActivityType: rule({
    code: 'UnknownActivityType',
    title: 'Unknown activity type',
    severity: 'error',
    kind: 'rejection',
    trigger: 'An activity type is not a known type nor mapped by activityTypeMap.',
    message: ({ value }: { value: string }) =>
      `unknown activity type ${quote(value)}; expected call, email, meeting_booked, meeting_held, proposal, task or note`,
    hint: 'Map the CRM value in activityTypeMap in tavla.config.json.',
    example: { args: { value: 'Lunch' }, at: { file: 'activities.csv', line: 9, column: 2, field: 'type' } },
  }),
  UnknownForecastCategory: rule({
    code: 'UnknownForecastCategory',
    title: 'Unknown forecast category',
    severity: 'error',
    kind: 'rejection',
    trigger: "A deal's forecast category is not pipeline, best_case, commit, closed or omitted.",
    message: ({ value }: { value: string }) => `unknown forecast category ${quote(value)}; expected pipeline, best_case, commit, closed or omitted`,
    hint: 'Leave the column empty to take the category from the stage, or use one of the five categories.',
    example: { args: { value: 'Maybe' }, at: { file: 'deals.csv', line: 12, column: 15, field: 'forecast_category' } },
  }),
  UnknownRole: rule({
    code: 'UnknownRole',
    title: 'Unknown role',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A role in users.csv is not one of the hats nor mapped by hatMap.',
    message: ({ value }: { value: string }) => `unknown role ${quote(value)}`,
    hint: 'Use a hat from docs/data-format.md (e.g. account_executive) or map the CRM role in hatMap in tavla.config.json.',
    example: { args: { value: 'Säljare' }, at: { file: 'users.csv', line: 4, column: 5, field: 'roles' } },
  }),
  UnknownCurrency: rule({
    code: 'UnknownCurrency',
    title: 'No exchange rate',
    severity: 'error',
    kind: 'rejection',
    trigger: 'An amount is in a currency that has no rate in exchangeRates.',
    message: ({ currency, reporting }: { currency: string; reporting: string }) => `no exchange rate from ${quote(currency)} to ${reporting}`,
    hint: 'Add the rate to exchangeRates in tavla.config.json, e.g. {"EUR": 11.4}.',
    example: {
      args: { currency: 'USD', reporting: 'SEK' },
      at: { file: 'deals.csv', line: 64, column: 7, field: 'currency' },
    },
  }),
  BadTarget: rule({
    code: 'BadTarget',
    title: 'Unknown target scope, measure or period',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A targets.csv row has an unknown scope, measure, period or cadence.',
    message: ({ part, value }: { part: keyof typeof TARGET_EXPECTED; value: string }) => `unknown ${part} ${quote(value)}; expected ${TARGET_EXPECTED[part]}`,
    hint: 'Correct the row in targets.csv; docs/data-format.md lists the accepted values.',
    example: { args: { part: 'measure', value: 'volym' }, at: { file: 'targets.csv', line: 4, column: 5, field: 'measure' } },
  }),
  DuplicateId: rule({
    code: 'DuplicateId',
    title: 'Duplicate id',
    severity: 'error',
    kind: 'rejection',
    trigger: 'A row repeats an id already seen earlier in the same file; the first row is kept.',
    message: ({ id, firstLine }: { id: string; firstLine: number }) => `id ${quote(id)} already used on line ${firstLine}; this row is not used`,
    hint: 'Ids must be unique in a file; remove the duplicate in the CRM report or export again.',
    example: { args: { id: 'D-1042', firstLine: 12 }, at: { file: 'deals.csv', line: 88, column: 1, field: 'id' } },
  }),
  NegativeAmount: rule({
    code: 'NegativeAmount',
    title: 'Negative amount',
    severity: 'error',
    kind: 'rejection',
    trigger: "A deal's amount or a target's value is below zero (invoices may be negative: credit notes).",
    message: ({ value }: { value: number }) => `expected zero or more, got ${formatNumber(value)}; this row is not used`,
    hint: 'Enter the deal value as a positive amount in the CRM (a discount or credit belongs on the invoice, not the deal); a target is zero or more.',
    example: { args: { value: -5_000_000 }, at: { file: 'deals.csv', line: 214, column: 6, field: 'amount', recordId: 'D-1187' } },
  }),

  // ── check: the row is kept, the issue is shown ───────────────────────────────────────
  OpenDealWithoutOwner: rule({
    code: 'OpenDealWithoutOwner',
    title: 'Open deal without owner',
    severity: 'warning',
    kind: 'check',
    trigger: 'An open deal has an empty owner.',
    message: ({ name }: { name: string }) => `open deal ${quote(name)} has no owner`,
    hint: "Assign a responsible seller in the CRM; until then the deal is in no seller's pipeline.",
    example: { args: { name: 'Fleet renewal' }, at: { file: 'deals.csv', line: 14, field: 'owner', recordId: 'D-7' } },
  }),
  AccountWithoutOwner: rule({
    code: 'AccountWithoutOwner',
    title: 'Account without owner',
    severity: 'warning',
    kind: 'check',
    trigger: 'An account has an empty owner.',
    message: ({ name }: { name: string }) => `account ${quote(name)} has no owner`,
    hint: 'Every customer has one responsible owner (kundansvar); assign one in the CRM.',
    example: { args: { name: 'Nordvik Logistik AB' }, at: { file: 'accounts.csv', line: 3, field: 'owner', recordId: 'A-2' } },
  }),
  PastCloseDate: rule({
    code: 'PastCloseDate',
    title: 'Close date has passed',
    severity: 'warning',
    kind: 'check',
    trigger: 'An open deal has a close date before the as-of date.',
    message: ({ close, asOf, days }: { close: string; asOf: string; days: number }) =>
      `open deal was expected to close ${close}, ${dayCount(days)} before ${asOf}`,
    hint: 'Move the close date to when the customer will really sign, or close the deal as won or lost.',
    example: {
      args: { close: '2026-10-31', asOf: '2026-11-20', days: 20 },
      at: { file: 'deals.csv', line: 22, field: 'close_date', recordId: 'D-15', ownerId: 'u-anna' },
    },
  }),
  StalledDeal: rule({
    code: 'StalledDeal',
    title: 'Stalled deal',
    severity: 'warning',
    kind: 'check',
    trigger: "An open deal's latest creation, update or activity (up to as-of) is at least the stage's stalledDays (else settings.stalledDays) before as-of.",
    message: ({ stage, days, since, limit }: { stage: string; days: number; since: string; limit: number }) =>
      `no activity or update for ${dayCount(days)} (since ${since}); the limit in stage ${quote(stage)} is ${dayCount(limit)}`,
    hint: 'Log the latest contact and plan a next step, or close the deal as lost.',
    example: {
      args: { stage: 'proposal', days: 45, since: '2026-10-06', limit: 30 },
      at: { file: 'deals.csv', line: 30, field: 'updated_date', recordId: 'D-21', ownerId: 'u-erik' },
    },
  }),
  WonDealWithoutAmount: rule({
    code: 'WonDealWithoutAmount',
    title: 'Won deal without amount',
    severity: 'error',
    kind: 'check',
    trigger: 'A won deal has an amount of zero or less.',
    message: ({ amount }: { amount: number }) => `won deal has amount ${formatNumber(amount)}`,
    hint: 'Enter the contract value in the CRM; until then the deal adds nothing to sales volume.',
    example: { args: { amount: 0 }, at: { file: 'deals.csv', line: 40, field: 'amount', recordId: 'D-33', ownerId: 'u-anna' } },
  }),
  CloseBeforeCreated: rule({
    code: 'CloseBeforeCreated',
    title: 'Closed before created',
    severity: 'warning',
    kind: 'check',
    trigger: "A deal's close date is before its created date.",
    message: ({ created, close }: { created: string; close: string }) => `close date ${close} is before created date ${created}`,
    hint: 'Correct the close date in the CRM; imported deals often carry the import day as created date.',
    example: {
      args: { created: '2026-05-04', close: '2026-04-30' },
      at: { file: 'deals.csv', line: 51, field: 'close_date', recordId: 'D-40', ownerId: 'u-erik' },
    },
  }),
  UnknownAccount: rule({
    code: 'UnknownAccount',
    title: 'Unknown account',
    severity: 'warning',
    kind: 'check',
    trigger: 'A deal or activity refers to an account id that is not in accounts.csv (only when accounts.csv is present).',
    message: ({ accountId }: { accountId: string }) => `account ${quote(accountId)} is not in accounts.csv`,
    hint: 'Export accounts.csv again without filters, or correct the account on the record.',
    example: {
      args: { accountId: 'A-999' },
      at: { file: 'deals.csv', line: 61, field: 'account_id', recordId: 'D-52', ownerId: 'u-anna' },
    },
  }),
  UnknownOwner: rule({
    code: 'UnknownOwner',
    title: 'Unknown owner',
    severity: 'warning',
    kind: 'check',
    trigger: 'An owner or sdr id is not in users.csv (only when users.csv is present).',
    message: ({ userId }: { userId: string }) => `user ${quote(userId)} is not in users.csv`,
    hint: 'Add the person to users.csv (former staff too, with end_date), or reassign the record in the CRM.',
    example: { args: { userId: 'u-old' }, at: { file: 'deals.csv', line: 70, field: 'owner', recordId: 'D-60', ownerId: 'u-old' } },
  }),
  FutureActivity: rule({
    code: 'FutureActivity',
    title: 'Activity in the future',
    severity: 'warning',
    kind: 'check',
    trigger: 'An activity other than a booked meeting or a task is dated after the as-of date.',
    message: ({ type, date, asOf }: { type: string; date: string; asOf: string }) => `${type} dated ${date}, after ${asOf}`,
    hint: 'Only booked meetings and tasks can lie ahead; correct the date in the CRM.',
    example: {
      args: { type: 'call', date: '2026-12-03', asOf: '2026-11-20' },
      at: { file: 'activities.csv', line: 212, field: 'date', recordId: 'X-88', ownerId: 'u-anna' },
    },
  }),
  DuplicateAccount: rule({
    code: 'DuplicateAccount',
    title: 'Duplicate account',
    severity: 'warning',
    kind: 'check',
    trigger:
      'Two accounts have the same org number digits, or the same name ignoring case, legal form (AB, A/S, ApS, AS, Oy, Ltd, Inc, Aktiebolag, publ), punctuation and spaces. The later row is flagged.',
    message: ({ by, otherId, otherLine }: { by: 'name' | 'org_number'; otherId: string; otherLine: number }) =>
      `same ${by === 'name' ? 'name' : 'org number'} as account ${quote(otherId)} on line ${otherLine}`,
    hint: 'Merge the duplicates in the CRM so deals, activities and the owner sit on one account.',
    example: {
      args: { by: 'org_number', otherId: 'A-2', otherLine: 3 },
      at: { file: 'accounts.csv', line: 48, field: 'org_number', recordId: 'A-47', ownerId: 'u-erik' },
    },
  }),
  PlanGap: rule({
    code: 'PlanGap',
    title: 'Targets do not add up',
    severity: 'warning',
    kind: 'check',
    trigger:
      "For one period and measure (cadence total), a team's seller targets sum to less than the team target, or the team targets (sellers', when there are no team rows) sum to less than the company target.",
    message: ({
      period,
      measure,
      level,
      scopeId,
      target,
      parts,
      sum,
      gap,
    }: {
      period: string;
      measure: string;
      level: 'company' | 'team';
      scopeId: string;
      target: number;
      parts: 'seller' | 'team';
      sum: number;
      gap: number;
    }) =>
      `${period} ${measure}: ${level === 'team' ? `team ${quote(scopeId)}` : 'company'} target ${formatNumber(target)}, ` +
      `${parts} targets sum to ${formatNumber(sum)} (gap ${formatNumber(gap)})`,
    hint: 'Break the whole target down in targets.csv so the parts cover it; small rounding gaps within planGapTolerance are not shown.',
    example: {
      args: { period: 'FY2026', measure: 'volume:new', level: 'team', scopeId: 'north', target: 4_000_000, parts: 'seller', sum: 3_500_000, gap: 500_000 },
      at: { file: 'targets.csv', line: 6, field: 'value' },
    },
  }),
  StaleExport: rule({
    code: 'StaleExport',
    title: 'Export is out of date',
    severity: 'warning',
    kind: 'check',
    trigger: 'The newest date in deals.csv or activities.csv (up to as-of) is more than staleExportDays before as-of.',
    message: ({ newest, asOf, days, limit }: { newest: string; asOf: string; days: number; limit: number }) =>
      `newest record is from ${newest}, ${dayCount(days)} before ${asOf} (limit ${dayCount(limit)})`,
    hint: 'Export from the CRM again; the nightly export may have failed or exported a saved, filtered view.',
    example: { args: { newest: '2026-11-02', asOf: '2026-11-20', days: 18, limit: 7 }, at: { file: 'activities.csv', line: 0 } },
  }),
  LostDealWithoutReason: rule({
    code: 'LostDealWithoutReason',
    title: 'Lost deal without reason',
    severity: 'info',
    kind: 'check',
    trigger: 'A lost deal has an empty lost reason.',
    message: ({ name }: { name: string }) => `lost deal ${quote(name)} has no lost reason`,
    hint: 'Record why the deal was lost; the reasons feed the win/loss review.',
    example: { args: { name: 'Pilot Q3' }, at: { file: 'deals.csv', line: 77, field: 'lost_reason', recordId: 'D-70', ownerId: 'u-erik' } },
  }),
  OpenDealWithoutAmount: rule({
    code: 'OpenDealWithoutAmount',
    title: 'Open deal without amount',
    severity: 'warning',
    kind: 'check',
    trigger: 'An open deal has an empty amount: it counts in the pipeline and its stage, but adds no value (shown as "amount not set").',
    message: ({ name }: { name: string }) => `open deal ${quote(name)} has no amount`,
    hint: 'Enter an estimated amount in the CRM; until then the pipeline value and coverage leave the deal out.',
    example: { args: { name: 'Ærø – ny linje' }, at: { file: 'Opportunity.csv', line: 9, field: 'amount', recordId: '0063X00001Op08AAA', ownerId: 'u-anna' } },
  }),
  OpenDealWithoutCloseDate: rule({
    code: 'OpenDealWithoutCloseDate',
    title: 'Open deal without expected close date',
    severity: 'warning',
    kind: 'check',
    trigger: 'An open deal has an empty expected close date: it counts in the pipeline and its stage, but in no forecast period.',
    message: ({ name }: { name: string }) => `open deal ${quote(name)} has no expected close date`,
    hint: "Enter the expected close date in the CRM; until then the deal is in no quarter's forecast or coverage.",
    example: { args: { name: 'Hällby – service' }, at: { file: 'deals.csv', line: 6, field: 'close_date', recordId: '30005', ownerId: 'u-bo' } },
  }),
  DealWithoutAccount: rule({
    code: 'DealWithoutAccount',
    title: 'Deal without account',
    severity: 'warning',
    kind: 'check',
    trigger: 'A deal names no account (company): it is kept and counted, shown as "no account", and its channel is never inferred.',
    message: ({ name }: { name: string }) => `deal ${quote(name)} has no account`,
    hint: 'Link the deal to its company in the CRM; until then it counts for no customer and its channel is "channel not set" unless the export gives one.',
    example: { args: { name: 'Fönsterbyte Q4' }, at: { file: 'sales_pipeline.csv', line: 8, field: 'account_id', recordId: 'W3J7PL9Q', ownerId: 'u-dana' } },
  }),
  DealWithoutCreatedDate: rule({
    code: 'DealWithoutCreatedDate',
    title: 'Deal without created date',
    severity: 'warning',
    kind: 'check',
    trigger: 'A deal has an empty created date: it is kept and counted, but its age and sales cycle are unknown ("–") and it is in no week\'s new pipeline.',
    message: ({ name }: { name: string }) => `deal ${quote(name)} has no created date`,
    hint: 'Export the created date column (CreatedDate, Create Date, Deal created); until then ages and cycle times leave the deal out.',
    example: { args: { name: 'Ramavtal 2027' }, at: { file: 'deals.csv', line: 14, field: 'created_date', recordId: 'D-114', ownerId: 'u-anna' } },
  }),
  NulInCell: rule({
    code: 'NulInCell',
    title: 'NUL byte removed from a cell',
    severity: 'warning',
    kind: 'check',
    trigger: 'A quoted cell holds a NUL byte (0x00), as rich-text fields of some CRM exports do; the byte is removed and the row read.',
    message: ({ count }: { count: number }) =>
      `${count === 1 ? 'a NUL byte (0x00) was' : `${count} NUL bytes (0x00) were`} removed from a quoted cell on this line`,
    hint: 'Usually text pasted into a rich-text field (a description or a note); clear the stray character in the CRM record.',
    example: { args: { count: 1 }, at: { file: 'Opportunity.csv', line: 12 } },
  }),
} as const;

export type RuleCode = keyof typeof RULES;
export type RuleArgs<C extends RuleCode> = Parameters<(typeof RULES)[C]['message']>[0];
export type AnyRule = (typeof RULES)[RuleCode];

/** All codes in catalog order (fatal, rejection, check). */
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(RULES, code);
}

/** The catalog entry for an Issue's code, or undefined for a code this catalog does not know. */
export function ruleOf(code: string): AnyRule | undefined {
  return isRuleCode(code) ? RULES[code] : undefined;
}

/** Builds a located Issue worded by the catalog; empty field/recordId/ownerId are left out. */
export function makeIssue<C extends RuleCode>(code: C, args: RuleArgs<C>, at: IssueAt): Issue {
  const message = (RULES[code].message as (a: RuleArgs<C>) => string)(args);
  const issue: Issue = { code, file: at.file, line: at.line, message, args: args as Record<string, IssueArg> };
  if (at.column !== undefined) issue.column = at.column;
  if (at.field) issue.field = at.field;
  if (at.recordId) issue.recordId = at.recordId;
  if (at.ownerId) issue.ownerId = at.ownerId;
  return issue;
}
