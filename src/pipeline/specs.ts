/** The kinds of record tavla reads, each with the spec of its canonical file, in canonical file order. */
import { accountsFile } from '../schemas/accounts.ts';
import { activitiesFile } from '../schemas/activities.ts';
import type { FileSpec } from '../schemas/column.ts';
import { dealsFile } from '../schemas/deals.ts';
import { funnelFile } from '../schemas/funnel.ts';
import { invoicesFile } from '../schemas/invoices.ts';
import { leadsFile } from '../schemas/leads.ts';
import { targetsFile } from '../schemas/targets.ts';
import { usersFile } from '../schemas/users.ts';
import type { Target } from '../presets/types.ts';

export const SPECS = {
  deals: dealsFile,
  accounts: accountsFile,
  activities: activitiesFile,
  users: usersFile,
  targets: targetsFile,
  funnel: funnelFile,
  invoices: invoicesFile,
  leads: leadsFile,
} satisfies Record<Target, FileSpec<unknown>>;
