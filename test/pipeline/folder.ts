// Tiny data folders for the pipeline tests, written to one temp dir per test file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FolderFiles = Record<string, string | Uint8Array>;

/** A temp root; `folder(files)` makes a fresh data folder in it, `cleanup()` removes it all. */
export function tempFolders(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `tavla-${prefix}-`));
  let n = 0;
  return {
    root,
    folder(files: FolderFiles): string {
      const dir = join(root, `case-${++n}`);
      mkdirSync(dir);
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      return dir;
    },
    cleanup(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const CONFIG = JSON.stringify({ company: 'Testbolaget AB', asOf: '2026-11-20' });

/**
 * A small valid folder. Hand count per file (read = accepted + rejected):
 * deals 3 = 2 + 1 (line 4: stage "Demo"), accounts 2 = 2 + 0, activities 3 = 2 + 1 (line 3:
 * type "lunch"), users 2 = 2 + 0; targets, funnel and invoices absent.
 */
export const TINY: FolderFiles = {
  'tavla.config.json': CONFIG,
  'deals.csv': [
    'id,name,account_id,owner,stage,amount,created_date,close_date',
    'D1,Alpha,A1,u1,proposal,100000,2026-10-01,2026-12-15',
    'D2,Beta,A2,u2,won,50000,2026-09-01,2026-11-02',
    'D3,Gamma,A1,u1,Demo,1,2026-09-01,2026-11-02',
    '',
  ].join('\n'),
  'accounts.csv': 'id,name,owner\nA1,Nordvik AB,u1\nA2,Ek & Son,u2\n',
  'users.csv': 'id,name,team\nu1,Anna Berg,north\nu2,Bo Lind,north\n',
  'activities.csv': 'id,type,date,owner\nX1,call,2026-11-18,u1\nX2,lunch,2026-11-18,u2\nX3,meeting_held,2026-11-19,u2\n',
};
