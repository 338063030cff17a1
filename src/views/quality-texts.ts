/**
 * The words of a data-quality rule in the reader's language: its name, the problem text of one
 * issue and the fix hint, from the catalogs' `rule.<Code>.title|hint|message` keys. The only
 * place the pages take rule text from.
 *
 * A check's problem is worded from the values it was found with (`Issue.args`): numbers in the
 * reader's format, stages, measures, activity types and teams by name. A rejected row's problem
 * is worded from the offending cell (`args.value`, else the value quoted in the message). A rule
 * without catalog keys (a new rule not translated yet) falls back to its English catalog text;
 * test/views/quality-texts.test.ts fails for such a rule.
 */
import { isMessageKey, t, tn, type Locale, type MessageKey, type Params } from '../i18n/index.ts';
import { formatNumber } from '../format/index.ts';
import type { PublishedIssue, Report } from '../report/site-model.ts';
import type { IssueArg } from '../core/issue.ts';
import { quote, ruleOf } from '../core/rules.ts';
import { measureLabel } from './labels.ts';
import type { ActivityType } from '../core/records.ts';

/** Names for the ids found in issue values; identity for a context without a report. */
export interface IssueNames {
  stage(id: string): string;
  team(id: string): string;
  measure(locale: Locale, id: string): string;
  activity(locale: Locale, type: string): string;
}

export const RAW_NAMES: IssueNames = { stage: (id) => id, team: (id) => id, measure: (_, id) => id, activity: (_, type) => type };

const names = new WeakMap<Report, IssueNames>();

/** Stage labels and team names of a report (computed once per report). */
export function issueNames(report: Report): IssueNames {
  let found = names.get(report);
  if (!found) {
    const stages = new Map(report.meta.stages.map((s) => [s.id, s.label]));
    const teams = new Map(report.teams.map((team) => [team.id, team.name]));
    found = {
      stage: (id) => stages.get(id) ?? id,
      team: (id) => teams.get(id) ?? id,
      measure: measureLabel,
      activity: (locale, type) => {
        const key = `activity.${type as ActivityType}`;
        return isMessageKey(key) ? t(locale, key).toLocaleLowerCase(locale) : type;
      },
    };
    names.set(report, found);
  }
  return found;
}

function ruleKey(code: string, part: 'title' | 'hint' | 'message'): MessageKey | undefined {
  const key = `rule.${code}.${part}`;
  return isMessageKey(key) ? key : undefined;
}

export function ruleTitle(locale: Locale, code: string): string {
  const key = ruleKey(code, 'title');
  return key ? t(locale, key) : (ruleOf(code)?.title ?? code);
}

export function ruleHint(locale: Locale, code: string): string {
  const key = ruleKey(code, 'hint');
  return key ? t(locale, key) : (ruleOf(code)?.hint ?? '');
}

const text = (value: IssueArg | undefined) => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));
const num = (value: IssueArg | undefined, locale: Locale) => (typeof value === 'number' ? formatNumber(value, locale) : text(value));
const days = (value: IssueArg | undefined, locale: Locale) => (typeof value === 'number' ? tn(locale, 'unit.days', value) : text(value));

/** The message parameters of a check, by its arguments; the rule's own keys word the variants. */
function checkParams(code: string, args: Record<string, IssueArg>, locale: Locale, n: IssueNames): Params {
  const a = (name: string) => text(args[name]);
  switch (code) {
    case 'OpenDealWithoutOwner':
    case 'AccountWithoutOwner':
    case 'LostDealWithoutReason':
    case 'OpenDealWithoutAmount':
    case 'OpenDealWithoutCloseDate':
    case 'DealWithoutAccount':
    case 'DealWithoutCreatedDate':
      return { name: quote(a('name')) };
    case 'NulInCell':
      return { bytes: typeof args.count === 'number' ? tn(locale, 'rule.NulInCell.bytes', args.count) : a('count') };
    case 'PastCloseDate':
      return { close: a('close'), asOf: a('asOf'), days: days(args.days, locale) };
    case 'StalledDeal':
      return { stage: quote(n.stage(a('stage'))), days: days(args.days, locale), since: a('since'), limit: days(args.limit, locale) };
    case 'WonDealWithoutAmount':
      return { amount: num(args.amount, locale) };
    case 'CloseBeforeCreated':
      return { created: a('created'), close: a('close') };
    case 'UnknownAccount':
      return { accountId: quote(a('accountId')) };
    case 'UnknownOwner':
      return { userId: quote(a('userId')) };
    case 'FutureActivity':
      return { type: n.activity(locale, a('type')), date: a('date'), asOf: a('asOf') };
    case 'DuplicateAccount':
      return {
        by: t(locale, a('by') === 'name' ? 'rule.DuplicateAccount.by.name' : 'rule.DuplicateAccount.by.org_number'),
        otherId: quote(a('otherId')),
        otherLine: num(args.otherLine, locale),
      };
    case 'PlanGap':
      return {
        period: a('period'),
        measure: n.measure(locale, a('measure')),
        whole: a('level') === 'team' ? t(locale, 'rule.PlanGap.whole.team', { team: quote(n.team(a('scopeId'))) }) : t(locale, 'rule.PlanGap.whole.company'),
        target: num(args.target, locale),
        parts: t(locale, a('parts') === 'team' ? 'rule.PlanGap.parts.team' : 'rule.PlanGap.parts.seller'),
        sum: num(args.sum, locale),
        gap: num(args.gap, locale),
      };
    case 'StaleExport':
      return { newest: a('newest'), asOf: a('asOf'), days: days(args.days, locale), limit: days(args.limit, locale) };
    default:
      return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, num(v, locale)]));
  }
}

/** The offending cell of a rejected row: `args.value`, else the first value the message quotes. */
function rejectedValue(issue: Pick<PublishedIssue, 'args' | 'message'>): string | undefined {
  if (issue.args?.value !== undefined) return text(issue.args.value);
  return /"(.*?)"/.exec(issue.message)?.[1];
}

/** The problem of one issue in `locale`. */
export function issueText(locale: Locale, issue: Pick<PublishedIssue, 'code' | 'args' | 'message'>, n: IssueNames = RAW_NAMES): string {
  const key = ruleKey(issue.code, 'message');
  const rule = ruleOf(issue.code);
  if (!key || !rule) return issue.message;
  if (rule.kind === 'check') {
    if (!issue.args) return issue.message;
    try {
      return t(locale, key, checkParams(issue.code, issue.args, locale, n));
    } catch {
      return issue.message; // arguments of an older shape: the English wording is still right
    }
  }
  const value = rejectedValue(issue);
  if (value !== undefined) return t(locale, key, { value: quote(value) });
  try {
    return t(locale, key);
  } catch {
    return ruleTitle(locale, issue.code); // the wording needs the value, and none is known
  }
}
