/**
 * A located data problem. Rejected rows and data-quality findings share this shape; the
 * `code` is a permanent key into the rule catalog (src/core/rules.ts).
 */
export interface Issue {
  code: string;
  /** File name relative to the data folder. */
  file: string;
  /** 1-based physical line in the file; 0 when the issue is about the whole file. */
  line: number;
  /** 1-based column (field position) when known. */
  column?: number;
  /** The canonical field, e.g. `amount`. */
  field?: string;
  /** What is wrong, terse: `expected a number, got "12,3,4"`. */
  message: string;
  /** The record's id, when it has one. */
  recordId?: string;
  /** The responsible owner (user id), when known. */
  ownerId?: string;
  /**
   * The values the message was worded from (the rule's message arguments; for a rejected cell,
   * `value`), so a page can word the problem in its own language.
   */
  args?: Record<string, IssueArg>;
}

export type IssueArg = string | number | boolean | readonly string[];

/** `deals.csv:42:7: amount: expected a number, got "12,3,4"` */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line > 0 ? issue.line : null, issue.column ?? null].filter((part) => part !== null).join(':');
  const field = issue.field ? `${issue.field}: ` : '';
  return `${where}: ${field}${issue.message}`;
}
