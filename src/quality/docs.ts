/**
 * Renders docs/data-quality.md from the rule catalog. scripts/gen-quality-docs.ts writes it;
 * test/quality/docs.test.ts regenerates it in memory so the committed page cannot drift.
 */
import { formatIssue } from '../core/issue.ts';
import { makeIssue, RULE_CODES, RULES, type RuleCode, type RuleKind } from '../core/rules.ts';

const SECTIONS: { kind: RuleKind; heading: string; intro: string }[] = [
  { kind: 'fatal', heading: 'Fatal: the build stops', intro: 'Nothing is published until these are fixed.' },
  {
    kind: 'rejection',
    heading: 'Rejections: the row is not used',
    intro: 'The row is left out of every report and listed with its file, line and column; the rest of the file is used.',
  },
  {
    kind: 'check',
    heading: 'Checks: the row is used, the issue is shown',
    intro: 'Data-quality findings on the quality page, each with the owner who can fix it in the CRM.',
  },
];

/** Markdown table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function example(code: RuleCode): string {
  const { args, at } = RULES[code].example;
  return formatIssue(makeIssue(code, args as never, at));
}

export function renderQualityDocs(): string {
  const lines = [
    '# Data-quality rules',
    '',
    '<!-- Generated from src/core/rules.ts by scripts/gen-quality-docs.ts; do not edit by hand. -->',
    '',
    'Every problem tavla finds in the CRM exports has a permanent code. Codes are never renamed or',
    'reused, so a link, filter or bookmark to a code keeps working. Severity: `error` makes numbers',
    'wrong, `warning` makes them doubtful, `info` is worth knowing.',
    '',
    "The site shows each rule in the reader's language: its title, problem text and fix come from",
    '`rule.<code>.title`, `rule.<code>.message` and `rule.<code>.hint` in `src/i18n/{en,sv,da}.json`',
    '(the English entries equal this catalog; a new rule needs all three languages). The data-quality',
    'page summarises each rule; its full list is at `/<l>/quality/rules/<rule-slug>/` (`PastCloseDate` →',
    "`past-close-date`) and each owner's at `/<l>/quality/owners/<person>/`.",
    '',
  ];
  for (const { kind, heading, intro } of SECTIONS) {
    lines.push(`## ${heading}`, '', intro, '', '| code | severity | title | triggered when | what to do |', '|---|---|---|---|---|');
    const codes = RULE_CODES.filter((code) => RULES[code].kind === kind);
    for (const code of codes) {
      const rule = RULES[code];
      lines.push(`| \`${code}\` | ${rule.severity} | ${cell(rule.title)} | ${cell(rule.trigger)} | ${cell(rule.hint)} |`);
    }
    lines.push('', 'Examples:', '', '```');
    for (const code of codes) lines.push(`${code.padEnd(22)} ${example(code)}`);
    lines.push('```', '');
  }
  return lines.join('\n');
}
