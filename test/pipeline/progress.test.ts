import { describe, expect, it } from 'vitest';
import { rowProgress, stageLine } from '../../src/pipeline/progress.ts';

describe('rowProgress', () => {
  it('logs rows so far and the rate at most every 2 s', () => {
    let clock = 1_000;
    const lines: string[] = [];
    const progress = rowProgress(
      'activities.csv',
      (line) => lines.push(line),
      () => clock,
    );
    clock = 1_500;
    progress(65_536); // 0.5 s in: not yet
    clock = 3_000;
    progress(1_048_576); // 2 s in: 1 048 576 rows / 2 s = 524 288 rows/s
    clock = 4_000;
    progress(1_572_864); // 1 s after the last line: not yet
    clock = 5_000;
    progress(2_097_152); // 4 s in: 524 288 rows/s
    expect(lines).toEqual(['  activities.csv: 1 048 576 rows read, 524 288 rows/s', '  activities.csv: 2 097 152 rows read, 524 288 rows/s']);
  });
});

describe('stageLine', () => {
  it('reports stages of a second or more, in seconds', () => {
    expect(stageLine('model', 999)).toBeUndefined();
    expect(stageLine('metrics + report', 32_518)).toBe('  metrics + report: 32.5 s');
  });
});
