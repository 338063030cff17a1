import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderQualityDocs } from '../../src/quality/docs.ts';
import { RULE_CODES } from '../../src/core/rules.ts';

const committed = readFileSync(new URL('../../docs/data-quality.md', import.meta.url), 'utf8');

describe('docs/data-quality.md', () => {
  it('equals what the catalog renders (run `npx node scripts/gen-quality-docs.ts` after editing rules.ts)', () => {
    expect(committed).toBe(renderQualityDocs());
  });

  it('documents every code', () => {
    for (const code of RULE_CODES) expect(committed).toContain(`| \`${code}\` |`);
  });
});
