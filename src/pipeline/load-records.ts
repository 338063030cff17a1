/**
 * Reads and validates every export in the data folder, one file at a time (streaming), and
 * accounts for every row: per file, read = accepted + rejected.
 */
import { accountsFile } from '../schemas/accounts.ts';
import { activitiesFile } from '../schemas/activities.ts';
import { dealsFile } from '../schemas/deals.ts';
import { funnelFile } from '../schemas/funnel.ts';
import { invoicesFile } from '../schemas/invoices.ts';
import { targetsFile } from '../schemas/targets.ts';
import { usersFile } from '../schemas/users.ts';
import type { Records } from '../model/types.ts';
import type { Settings } from '../settings/schema.ts';
import type { Issue } from '../validate/issue.ts';
import { validateFile, type FileResult } from '../validate/validate-file.ts';

/** Per-file row accounting, as published in report.json and on the data-quality page. */
export interface FileAccount {
  file: string;
  present: boolean;
  read: number;
  accepted: number;
  rejected: number;
  encoding?: string;
  delimiter?: string;
  ms: number;
}

export interface LoadedRecords {
  records: Records;
  files: FileAccount[];
  rejected: Issue[];
  fatal: Issue[];
  present: { accounts: boolean; users: boolean; activities: boolean; targets: boolean; funnel: boolean; invoices: boolean };
}

function account(result: FileResult<unknown>): FileAccount {
  const { file, present, read, accepted, rejected, encoding, delimiter, ms } = result;
  return { file, present, read, accepted, rejected, encoding, delimiter, ms };
}

export async function loadRecords(dataDir: string, settings: Settings): Promise<LoadedRecords> {
  const deals = await validateFile(dataDir, dealsFile, settings);
  const accounts = await validateFile(dataDir, accountsFile, settings);
  const activities = await validateFile(dataDir, activitiesFile, settings);
  const users = await validateFile(dataDir, usersFile, settings);
  const targets = await validateFile(dataDir, targetsFile, settings);
  const funnel = await validateFile(dataDir, funnelFile, settings);
  const invoices = await validateFile(dataDir, invoicesFile, settings);
  const all: FileResult<unknown>[] = [deals, accounts, activities, users, targets, funnel, invoices];
  return {
    records: {
      deals: deals.records,
      accounts: accounts.records,
      activities: activities.records,
      users: users.records,
      targets: targets.records,
      funnel: funnel.records,
      invoices: invoices.records,
    },
    files: all.map(account),
    rejected: all.flatMap((result) => result.issues),
    fatal: all.flatMap((result) => result.fatal),
    present: {
      accounts: accounts.present,
      users: users.present,
      activities: activities.present,
      targets: targets.present,
      funnel: funnel.present,
      invoices: invoices.present,
    },
  };
}
