/**
 * The one-screen build summary: rows read / accepted / rejected per file and time per stage.
 */
import type { FileAccount } from '../core/file-account.ts';

export interface StageTiming {
  stage: string;
  ms: number;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatSummary(files: FileAccount[], timings: StageTiming[]): string {
  // CRM exports have long names (Opportunity.csv, hubspot-crm-exports-all-deals.csv).
  const width = Math.max(16, ...files.map((file) => file.file.length));
  const lines = [`${pad('file', width)} ${pad('read', 9, true)} ${pad('accepted', 9, true)} ${pad('rejected', 9, true)}  dialect`];
  for (const file of files) {
    if (!file.present) {
      lines.push(`${pad(file.file, width)} ${pad('—', 9, true)} ${pad('—', 9, true)} ${pad('—', 9, true)}  (not in the data folder)`);
      continue;
    }
    const delimiter = file.delimiter === '\t' ? 'tab' : file.delimiter === 'none' ? 'one column' : `"${file.delimiter ?? '?'}"`;
    const dialect = `${file.encoding ?? '?'}, ${delimiter}`;
    lines.push(
      `${pad(file.file, width)} ${pad(String(file.read), 9, true)} ${pad(String(file.accepted), 9, true)} ${pad(String(file.rejected), 9, true)}  ${dialect}`,
    );
  }
  lines.push(timings.map((timing) => `${timing.stage} ${Math.round(timing.ms)} ms`).join(' · '));
  return lines.join('\n');
}
