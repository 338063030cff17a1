// users.csv's team column is required when it is there; an export without the column at all
// gives people without a team. Both readers of a row agree.
import { describe, expect, it } from 'vitest';
import { NOT_FAST } from '../../src/schemas/cells.ts';
import { usersFile } from '../../src/schemas/users.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const settings = settingsSchema.parse({ asOf: '2026-11-20' });
const schema = usersFile.schema(settings);
const fast = usersFile.fast!(settings);
const readFast = (cells: Record<string, string | undefined>) => fast.read(fast.columns.map((name) => cells[name]));

describe('users.csv', () => {
  it('reads a file without a team column as people without a team', () => {
    const cells = { id: 'u1', name: 'Anna Berg' };
    expect(schema.parse(cells)).toEqual({ id: 'u1', name: 'Anna Berg', teamId: '', hats: [] });
    expect(readFast(cells)).toEqual({ id: 'u1', name: 'Anna Berg', teamId: '', hats: [] });
  });

  it('rejects an empty team when the column is there', () => {
    const cells = { id: 'u1', name: 'Anna Berg', team: ' ' };
    const result = schema.safeParse(cells);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ['team'], message: 'required value is empty', params: { rule: 'MissingValue' } }]);
    expect(readFast(cells)).toBe(NOT_FAST);
  });

  it('reads roles as hats, once each, and rejects an unknown role on the roles column', () => {
    expect(schema.parse({ id: 'u1', name: 'Anna Berg', team: 'north', roles: 'Account executive | account_executive, team_lead' })).toMatchObject({
      hats: ['account_executive', 'team_lead'],
    });
    const result = schema.safeParse({ id: 'u1', name: 'Anna Berg', team: 'north', roles: 'Säljare' });
    expect(result.error?.issues).toMatchObject([{ path: ['roles'], params: { rule: 'UnknownRole' } }]);
    expect(readFast({ id: 'u1', name: 'Anna Berg', team: 'north', roles: 'Säljare' })).toBe(NOT_FAST);
  });
});
