// Writes docs/data-quality.md from the rule catalog (src/core/rules.ts).
// Run: npx node scripts/gen-quality-docs.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderQualityDocs } from '../src/quality/docs.ts';

const target = join(import.meta.dirname, '..', 'docs', 'data-quality.md');
writeFileSync(target, renderQualityDocs());
console.log(`wrote ${target}`);
