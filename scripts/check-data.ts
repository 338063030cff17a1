/**
 * `npm run check-data [folder]`: validates a data folder without building the site. Prints the
 * row accounting, every rejected row and every data-quality issue with file:line:column and the
 * fix. Exit code 1 when the folder cannot give honest reports (a fatal problem); 2 when it can,
 * but some file lost most of its rows (more than half of the rows read were rejected: a wrong
 * `dateOrder`, decimal separator or stage list usually); else 0.
 */
import { resolve } from 'node:path';
import { runPipeline } from '../src/pipeline/run-pipeline.ts';
import { formatIssue } from '../src/core/issue.ts';

const dataDir = resolve(process.argv[2] ?? process.env.TAVLA_DATA ?? 'data');
const result = await runPipeline({ dataDir, now: new Date(), log: (line) => process.stdout.write(`${line}\n`) });
if (!result.ok) {
  process.stderr.write(`${dataDir} cannot give honest reports:\n${result.messages.map((m) => `  ✗ ${m}`).join('\n')}\n`);
  process.exit(1);
}
const { report } = result.site;
// Rows, not problems: a row with two bad cells is one rejected row with two problems.
const rejectedRows = report.files.reduce((sum, file) => sum + file.rejected, 0);
for (const [label, issues] of [
  [`rejected rows: ${rejectedRows}; problems in them`, report.rejected],
  ['data-quality issues', report.quality.issues],
] as const) {
  process.stdout.write(`\n${label}: ${issues.length}\n`);
  for (const issue of issues) {
    const owner = issue.owner ? ` [${issue.owner.name}]` : '';
    process.stdout.write(`  ${formatIssue({ ...issue, ownerId: undefined })}${owner}\n`);
  }
}
const lossy = report.files.filter((file) => file.present && file.read > 0 && file.rejected * 2 > file.read);
if (lossy.length > 0) {
  process.stderr.write(
    `\n${lossy.map((file) => `  ✗ ${file.file}: ${file.rejected} of ${file.read} rows rejected`).join('\n')}\n` +
      'most rows of these files were rejected; the reasons above (and any "set …" line in the log) say what to fix\n',
  );
  process.exit(2);
}
