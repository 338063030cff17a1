import { describe, expect, it } from 'vitest';
import { isMessageKey, type Locale } from '../../src/i18n/index.ts';
import { makeIssue, RULE_CODES, RULES, type RuleCode } from '../../src/core/rules.ts';
import type { PublishedIssue, Report } from '../../src/report/site-model.ts';
import { issueNames, issueText, RAW_NAMES, ruleHint, ruleTitle } from '../../src/views/quality-texts.ts';
import { englishRuleText, englishRuleTextIn, internalIds } from '../support/rule-text.ts';

const shown = RULE_CODES.filter((code) => RULES[code].kind !== 'fatal');
const example = (code: RuleCode) => makeIssue(code, RULES[code].example.args as never, RULES[code].example.at);
const NBSP = '\u00a0';

/** The parts of a report the names read: stage labels and team names. */
const REPORT = {
  meta: { stages: [{ id: 'proposal', label: 'Offert' }] },
  teams: [{ id: 'north', name: 'Norr' }],
} as unknown as Report;

describe('rule texts in the catalogs', () => {
  it('has a title, hint and (for rules shown on pages) a problem text for every rule', () => {
    for (const code of RULE_CODES) {
      expect(isMessageKey(`rule.${code}.title`), code).toBe(true);
      expect(isMessageKey(`rule.${code}.hint`), code).toBe(true);
      if (RULES[code].kind !== 'fatal') expect(isMessageKey(`rule.${code}.message`), code).toBe(true);
    }
  });

  it('says in English exactly what the rule catalog says (one wording for docs, logs and pages)', () => {
    for (const code of RULE_CODES) {
      expect(ruleTitle('en', code), code).toBe(RULES[code].title);
      expect(ruleHint('en', code), code).toBe(RULES[code].hint);
    }
    for (const code of RULE_CODES.filter((c) => RULES[c].kind === 'check')) {
      const issue = example(code);
      expect(issueText('en', issue, RAW_NAMES), code).toBe(issue.message);
    }
  });

  it('words every rule in Swedish and Danish, without English rule text or rule codes', () => {
    for (const locale of ['sv', 'da'] as Locale[]) {
      for (const code of shown) {
        const words = [ruleTitle(locale, code), ruleHint(locale, code), issueText(locale, example(code), issueNames(REPORT))].join('\n');
        expect(englishRuleText(code).length, code).toBeGreaterThan(0);
        expect(englishRuleTextIn(words), `${locale} ${code}`).toEqual([]);
        expect(internalIds(words), `${locale} ${code}`).toEqual([]);
      }
    }
  });
});

describe('issueText', () => {
  const names = issueNames(REPORT);

  it('names stages, measures and teams, and formats numbers for the reader', () => {
    // StalledDeal example: stage "proposal", 45 days since 2026-10-06, limit 30
    expect(issueText('sv', example('StalledDeal'), names)).toBe(
      'ingen aktivitet eller uppdatering på 45 dagar (sedan 2026-10-06); gränsen i steget "Offert" är 30 dagar',
    );
    // PlanGap example: FY2026 volume:new, team north 4 000 000 vs sellers 3 500 000, gap 500 000
    expect(issueText('sv', example('PlanGap'), names)).toBe(
      `FY2026 Nyförsäljning: teamet "Norr" har målet 4${NBSP}000${NBSP}000, men säljarnas mål summerar till 3${NBSP}500${NBSP}000 (det saknas 500${NBSP}000)`,
    );
    expect(issueText('da', example('PlanGap'), names)).toContain('4.000.000');
    expect(issueText('en', example('PlanGap'), names)).toBe('FY2026 New business: team "Norr" target 4,000,000, seller targets sum to 3,500,000 (gap 500,000)');
  });

  it('words a rejected row from its cell value, or from the value its message quotes', () => {
    const rejected: Pick<PublishedIssue, 'code' | 'message' | 'args'> = { code: 'BadNumber', message: 'expected a number, got "12,3,4"' };
    expect(issueText('sv', rejected)).toBe('inte ett tal: "12,3,4"');
    expect(issueText('da', { ...rejected, args: { value: 'x' } })).toBe('ikke et tal: "x"');
    expect(issueText('sv', { code: 'BadNumber', message: 'no value quoted' })).toBe('Inte ett tal');
    expect(issueText('sv', { code: 'MissingValue', message: 'required, but the cell is empty' })).toBe('obligatoriskt, men cellen är tom');
  });

  it('keeps the message of a rule the catalogs do not know', () => {
    expect(issueText('sv', { code: 'SomethingNew', message: 'as written' })).toBe('as written');
    expect(ruleTitle('sv', 'SomethingNew')).toBe('SomethingNew');
  });
});
