import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInputs } from '../../src/history/input-hash.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tavla-hash-'));
  await writeFile(join(dir, 'deals.csv'), 'id;amount\n1;100\n');
  await writeFile(join(dir, 'users.csv'), 'id\nanna\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashInputs', () => {
  it('hashes name, length and bytes of each file in name order; a missing file as a marker', async () => {
    // By hand: deals.csv is 9+1+5+1 = 16 bytes, users.csv 2+1+4+1 = 8 bytes; targets.csv is missing.
    const expected = createHash('sha256')
      .update('deals.csv\u000016\u0000id;amount\n1;100\n')
      .update('targets.csv\u0000-\u0000')
      .update('users.csv\u00008\u0000id\nanna\n')
      .digest('hex');
    expect(await hashInputs(dir, ['users.csv', 'targets.csv', 'deals.csv'])).toBe(expected);
    expect(await hashInputs(dir, ['deals.csv', 'targets.csv', 'users.csv', 'users.csv'])).toBe(expected);
  });

  it('changes when a byte changes, and tells an empty file from a missing one', async () => {
    const before = await hashInputs(dir, ['deals.csv']);
    await writeFile(join(dir, 'deals.csv'), 'id;amount\n1;101\n');
    expect(await hashInputs(dir, ['deals.csv'])).not.toBe(before);
    await writeFile(join(dir, 'empty.csv'), '');
    expect(await hashInputs(dir, ['empty.csv'])).not.toBe(await hashInputs(dir, ['absent.csv']));
    expect(await hashInputs(dir, [])).toBe(createHash('sha256').digest('hex'));
  });

  it('hashes files larger than its read buffer whole, each file from its start', async () => {
    // 2.5 MiB + 1 byte: two full 1 MiB reads and a partial one; a second, shorter file read after
    // it must not see the first file's bytes left in the reused buffer.
    const big = Buffer.alloc(2.5 * 1024 * 1024 + 1);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 251;
    await writeFile(join(dir, 'activities.csv'), big);
    await writeFile(join(dir, 'z.csv'), 'z\n');
    const expected = createHash('sha256').update(`activities.csv\u0000${big.length}\u0000`).update(big).update('z.csv\u00002\u0000z\n').digest('hex');
    expect(await hashInputs(dir, ['z.csv', 'activities.csv'])).toBe(expected);
  });
});
