import { describe, expect, it } from 'vitest';
import type { PublishedIssue, Report } from '../../src/report/site-model.ts';
import { fmt } from '../../src/views/format-context.ts';
import { allListPages, issueLists, listPage, pageCount, pageParam, ruleSlug } from '../../src/views/quality-lists.ts';
import { OWNERS_ON_PAGE, ownerTable, qualityCsvTables, qualityKpis, ruleSummaries } from '../../src/views/quality-view.ts';
import { routes } from '../../src/views/routes.ts';

const anna = { id: 'u-anna', slug: 'anna-berg', name: 'Anna Berg' };
const erik = { id: 'u-erik', slug: 'erik-ek', name: 'Erik Ek' };

function issue(code: string, line: number, owner?: typeof anna, severity: PublishedIssue['severity'] = 'warning'): PublishedIssue {
  return { code, file: 'deals.csv', line, message: `problem on ${line}`, title: code, severity, hint: 'fix it', ...(owner ? { owner } : {}) };
}

/** Only the parts of a report the quality views read. */
function report(rejected: PublishedIssue[], issues: PublishedIssue[], rejectedRows = rejected.length, score: number | null = 0.5): Report {
  return {
    rejected,
    quality: { issues, overallScore: score, byOwner: [], byTeam: [], byCode: [] },
    files: [
      { file: 'deals.csv', present: true, read: 10, accepted: 10 - rejectedRows, rejected: rejectedRows },
      { file: 'accounts.csv', present: true, read: 5, accepted: 5, rejected: 0 },
    ],
    history: null,
  } as unknown as Report;
}

describe('quality lists', () => {
  it('makes stable address segments from rule codes', () => {
    expect(ruleSlug('PastCloseDate')).toBe('past-close-date');
    expect(ruleSlug('UnknownOwner')).toBe('unknown-owner');
    expect(ruleSlug('NULCleaned')).toBe('nul-cleaned');
  });

  it('cuts a list of 250 into pages of 100, 100 and 50 that hold every issue once', () => {
    const issues = Array.from({ length: 250 }, (_, i) => issue('PastCloseDate', i + 2, i % 2 ? anna : erik));
    const [list] = issueLists(report([], issues));
    expect(pageCount(list!)).toBe(3); // ceil(250 / 100)
    const pages = [1, 2, 3].map((n) => listPage(list!, n)!);
    expect(pages.map((p) => [p.first, p.last, p.issues.length])).toEqual([
      [1, 100, 100],
      [101, 200, 100],
      [201, 250, 50],
    ]);
    expect(pages.flatMap((p) => p.issues)).toEqual(issues);
    expect(listPage(list!, 0)).toBeUndefined();
    expect(listPage(list!, 4)).toBeUndefined();
    expect([1, 2].map(pageParam)).toEqual([undefined, '2']);
  });

  it('lists per rule (rejected rows too) and per owner, with one entry per page for the routes', () => {
    const r = report(
      [issue('BadNumber', 5, undefined, 'error')],
      [issue('PastCloseDate', 2, anna), issue('StalledDeal', 2, anna), issue('PastCloseDate', 3, erik)],
    );
    expect(issueLists(r).map((l) => `${l.kind}:${l.slug}:${l.issues.length}`)).toEqual([
      'rule:bad-number:1',
      'rule:past-close-date:2',
      'rule:stalled-deal:1',
      'owner:anna-berg:2',
      'owner:erik-ek:1',
    ]);
    expect(allListPages(r, 'owner')).toEqual([
      { slug: 'anna-berg', page: 1 },
      { slug: 'erik-ek', page: 1 },
    ]);
    // Every seller has a list, an empty one when they own no issue; one page.
    const withSeller = { ...r, sellers: [{ person: { id: 'u-cia', slug: 'cia-ny', name: 'Cia Ny' } }] } as unknown as Report;
    const cia = issueLists(withSeller).find((l) => l.slug === 'cia-ny')!;
    expect([cia.kind, cia.name, cia.issues.length, pageCount(cia)]).toEqual(['owner', 'Cia Ny', 0, 1]);
    const to = routes('/');
    expect(to.qualityList('sv', 'owner', 'anna-berg')).toBe('/sv/quality/owners/anna-berg/');
    expect(to.qualityList('da', 'rule', 'past-close-date', 3)).toBe('/da/quality/rules/past-close-date/3/');
  });
});

describe('rule summaries', () => {
  // 1 rejected (error) + 6 checks: PastCloseDate ×4 (anna 2, erik 1, unowned 1), StalledDeal ×2 (info)
  const r = report(
    [issue('BadNumber', 9, undefined, 'error')],
    [
      issue('PastCloseDate', 2, anna),
      issue('PastCloseDate', 3, erik),
      issue('PastCloseDate', 4, anna),
      issue('PastCloseDate', 5),
      issue('StalledDeal', 6, anna, 'info'),
      issue('StalledDeal', 7, erik, 'info'),
    ],
  );

  it('gives an owner who cannot be named (initials only, not in users.csv) no list of their own', () => {
    // The scrubbed owner "?" has no slug: an address /quality/owners// cannot be built. Their one
    // issue stays in its rule's list (PastCloseDate: anna's line 2 + the unnamed line 4 = 2).
    const unnamed = { id: '?', slug: '', name: '?' };
    const r = report([], [issue('PastCloseDate', 2, anna), issue('PastCloseDate', 4, unnamed)]);
    expect(issueLists(r).map((l) => `${l.kind}:${l.slug}:${l.issues.length}`)).toEqual(['rule:past-close-date:2', 'owner:anna-berg:1']);
  });

  it('gives count, share of all issues, owners (most first), examples; errors first', () => {
    const [bad, past, stalled] = ruleSummaries(r);
    expect(bad).toMatchObject({ code: 'BadNumber', kind: 'rejection', count: 1, share: 1 / 7, unowned: 1, owners: [] });
    expect(past).toMatchObject({
      code: 'PastCloseDate',
      kind: 'check',
      count: 4,
      share: 4 / 7,
      owners: [
        { name: 'Anna Berg', slug: 'anna-berg', count: 2 },
        { name: 'Erik Ek', slug: 'erik-ek', count: 1 },
      ],
      moreOwners: 0,
      unowned: 1,
    });
    expect(past!.examples.map((e) => e.line)).toEqual([2, 3, 4]); // first three of four
    expect(stalled!.code).toBe('StalledDeal');
  });

  it('has a CSV per rule and per owner holding every issue of the list', () => {
    const tables = qualityCsvTables(r, fmt('en', 'SEK'));
    const rows = (id: string) => tables.find((table) => table.id === id)!;
    expect(rows('quality-issues').csv.rows).toHaveLength(6);
    expect(rows('quality-rejected').csv.rows).toHaveLength(1);
    expect(rows('quality-rule-past-close-date').csv.rows).toHaveLength(4);
    expect(rows('quality-owner-anna-berg').csv.rows).toHaveLength(3); // lines 2, 4, 6
    expect(rows('quality-issues').rows).toEqual([]); // the paged pages show the rows
  });

  it('counts rejected rows, not the problems in them, and shows an absent score as –', () => {
    // 3 problems in 2 rejected rows
    const twoRows = report([issue('BadNumber', 4), issue('BadDate', 4), issue('BadNumber', 8)], [], 2, null);
    const [score, issues, rejected] = qualityKpis(twoRows, fmt('en', 'SEK'));
    expect(rejected!.value).toBe('2');
    expect(rejected!.sub).toContain('3 problems');
    expect(score!.value).toBe('–');
    expect(score!.sub).toMatch(/no open deals and no accounts/);
    expect(issues!.value).toBe('0');
  });
});

describe('owner table', () => {
  it('shows the owners with most issues first, at most OWNERS_ON_PAGE, and keeps all in the CSV', () => {
    // 120 owners: owner i has i % 7 issues; the page shows 50, the CSV 120.
    const byOwner = Array.from({ length: 120 }, (_, i) => ({
      person: { id: `u${i}`, slug: `p${i}`, name: `Person ${String(i).padStart(3, '0')}` },
      teamId: '',
      scored: 10,
      clean: 10 - (i % 7),
      score: (10 - (i % 7)) / 10,
      issues: i % 7,
    }));
    const r = { ...report([], []), quality: { ...report([], []).quality, byOwner } } as unknown as Report;
    const table = ownerTable(r, fmt('en', 'SEK'));
    expect(OWNERS_ON_PAGE).toBe(50);
    expect(table.rows).toHaveLength(50);
    expect(table.hiddenRows).toBe(70);
    expect(table.csv.rows).toHaveLength(120);
    // 6 issues: i = 6, 13, 20, … (i % 7 = 6) → 17 owners (6 + 7k ≤ 119 → k ≤ 16); first by name: Person 006
    expect(table.rows[0]).toEqual(['Person 006', '10', '6', '40%']);
  });
});
