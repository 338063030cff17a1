/**
 * What a page in another language must not contain from the data-quality rule catalog: the
 * English wording of each rule (title, hint, the fixed parts of its problem text), the rule
 * codes, and raw target-measure ids.
 */
import en from '../../src/i18n/en.json' with { type: 'json' };
import { RULE_CODES } from '../../src/core/rules.ts';

/** The English catalog's fixed wording of a rule: title, hint and the message's parts between placeholders. */
export function englishRuleText(code: string): string[] {
  const messages = en as Record<string, string>;
  const parts = [messages[`rule.${code}.title`], messages[`rule.${code}.hint`], ...(messages[`rule.${code}.message`] ?? '').split(/\{\w+\}/)];
  return parts
    .map((p) =>
      (p ?? '')
        .trim()
        .replace(/^[,:;.()]+|[,:;.()]+$/g, '')
        .trim(),
    )
    .filter((p) => p.length >= 10);
}

/** Internal ids in visible text: rule codes and measure ids such as `volume:new`. */
export function internalIds(text: string): string[] {
  const codes = RULE_CODES.filter((code) => new RegExp(`\\b${code}\\b`).test(text));
  const measures = text.match(/\b(?:volume|activity):[a-z_]+\b/g) ?? [];
  return [...codes, ...measures];
}

/** English rule wording found in `text`, as `Code: fragment`. */
export function englishRuleTextIn(text: string): string[] {
  return RULE_CODES.flatMap((code) =>
    englishRuleText(code)
      .filter((part) => text.includes(part))
      .map((part) => `${code}: ${part}`),
  );
}
