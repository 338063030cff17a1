// 600 mutated variants of a small export through the whole pipeline: no variant throws or
// hangs, and every file's rows read = accepted + rejected. The mutations are those a damaged
// export shows (a stray quote or delimiter, a cut, a doubled or lost line, a NUL, odd digits
// and dates); a fixed seed keeps the run repeatable, and a variant that fails is printed.
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { tempFolders, TINY } from './folder.ts';

const temp = tempFolders('fuzz');
afterAll(() => temp.cleanup());

const VARIANTS = 600;
const PER_VARIANT_MS = 10_000;

const BASE: Record<string, string> = {
  ...(TINY as Record<string, string>),
  'targets.csv': 'period,scope,scope_id,measure,value\nFY2026,company,,volume:total,1000000\nFY2026,seller,u1,volume:total,400000\n',
  'invoices.csv': 'id,account_id,deal_id,date,amount\nI1,A2,D2,2026-11-05,50000\n',
};
const FILES = Object.keys(BASE).filter((name) => name.endsWith('.csv'));
const PIECES = [
  '"',
  ',',
  ';',
  '\n',
  '\r\n',
  '\0',
  '-',
  '9',
  '0026',
  '0026-06-09',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '-5000000',
  '=1+1',
  'é',
  '\uFEFF',
  '""',
  ' ',
];

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 7)) {
    case 0: // insert a piece
      return text.slice(0, at) + pick(PIECES) + text.slice(at);
    case 1: // delete a few characters
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2: // cut the file
      return text.slice(0, at);
    case 3: // double a line
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 4: // lose a line
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 5: // replace a cell
      return lines
        .map((l, i) =>
          i === line
            ? l
                .split(',')
                .map((cell, j, all) => (j === Math.floor(next() * all.length) ? pick(PIECES) : cell))
                .join(',')
            : l,
        )
        .join('\n');
    default: // a character for another
      return text.slice(0, at) + pick(PIECES) + text.slice(at + 1);
  }
}

describe('the pipeline on mutated exports', () => {
  it(`${VARIANTS} variants: no crash, no hang, every row accounted for`, async () => {
    const next = random(20261207);
    const failures: string[] = [];
    let fatal = 0;
    for (let n = 0; n < VARIANTS; n++) {
      const files = { ...BASE };
      const file = FILES[Math.floor(next() * FILES.length)]!;
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) files[file] = mutate(files[file]!, next);
      const dataDir = temp.folder(files);
      let timer: NodeJS.Timeout | undefined;
      try {
        const hang = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no result within ${PER_VARIANT_MS} ms`)), PER_VARIANT_MS);
        });
        const result = await Promise.race([runPipeline({ dataDir, now: new Date('2026-11-20T12:00:00Z'), log: () => {} }), hang]);
        if (!result.ok) {
          fatal++;
          if (result.messages.length === 0 || result.messages.some((m) => !/^[^\s:]+/.test(m))) failures.push(`${n} ${file}: fatal without a located message`);
          continue;
        }
        for (const f of result.site.report.files) {
          if (f.read !== f.accepted + f.rejected) failures.push(`${n} ${f.file}: read ${f.read} ≠ ${f.accepted} + ${f.rejected}`);
        }
      } catch (error) {
        failures.push(`${n} ${file}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}\n${JSON.stringify(files[file])}`);
      } finally {
        clearTimeout(timer);
      }
    }
    expect(failures).toEqual([]);
    // The mutations reach the reader's fatal paths too, not only odd rows.
    expect(fatal).toBeGreaterThan(0);
    expect(fatal).toBeLessThan(VARIANTS);
  }, 300_000);
});
