import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/records.ts';
import { detachAccount, detachOwner } from '../../src/schemas/activities.ts';
import { FingerprintTable } from '../../src/speed/fingerprint-table.ts';

const row = (ownerId: string, accountId?: string): Activity => ({
  file: 'activities.csv',
  line: 2,
  id: 'X1',
  type: 'call',
  date: '2026-11-02',
  ownerId,
  accountId,
  dealId: undefined,
  durationMinutes: undefined,
});

describe('detachOwner and detachAccount', () => {
  const users = new FingerprintTable(['u.one', 'u.two']);
  const accounts = new FingerprintTable(['A-1', 'A-2', 'A-3']);

  it('swap a known id for the shared string and say where it is', () => {
    const activity = row(['u', 'two'].join('.'), ['A', '3'].join('-'));
    expect(detachOwner(activity, users)).toBe(true);
    expect(activity.ownerId).toBe(users.ids()[1]);
    expect(detachAccount(activity, accounts)).toBe(2); // third account
    expect(activity.accountId).toBe(accounts.ids()[2]);
  });

  it('keep an unknown id as a copy, and tell it is unknown', () => {
    const activity = row('u.nine', 'A-9');
    expect(detachOwner(activity, users)).toBe(false);
    expect(activity.ownerId).toBe('u.nine');
    expect(detachAccount(activity, accounts)).toBe(-1);
    expect(activity.accountId).toBe('A-9');
  });

  it('have nothing to find without the file or without an account', () => {
    expect(detachOwner(row('u.one'), undefined)).toBe(false);
    expect(detachAccount(row('u.one', 'A-1'), undefined)).toBe(-1);
    expect(detachAccount(row('u.one'), accounts)).toBe(-1);
  });
});
