/**
 * `leads.csv`: one row per lead (or marketing-qualified lead) with the day it came in, where it
 * came from and what became of it. Only `id` and `created_date` are required; every later link
 * of the chain (qualified, meeting, converted to a deal) is an optional date, and a lead may name
 * its deal (`deal_id`) or a deal its lead (deals.csv `lead_id`): both resolve
 * (src/metrics/lead-funnel-paths.ts).
 *
 * `status` is kept as exported; a status that says the lead was turned down (disqualified,
 * unqualified, junk, lost…) closes it, so it is no longer counted as still open.
 */
import type { IsoDate, Located } from '../core/records.ts';
import type { Settings } from '../settings/schema.ts';
import { fastRowReader, rowSchema, valueKey, type Finish } from './cells.ts';
import { cellKindsOf, columnSpecs, type ColumnTable, type FileSpec } from './column.ts';

export interface Lead extends Located {
  id: string;
  created: IsoDate;
  /** Source / origin as exported (`paid_search`, `Web`…); undefined when blank. */
  source?: string;
  /** Campaign or landing page. */
  campaign?: string;
  /** Owner (SDR) id or name; `''` when blank. */
  ownerId: string;
  /** Status as exported. */
  status?: string;
  /** The status says the lead was turned down: it is closed without a deal. */
  disqualified: boolean;
  qualified?: IsoDate;
  meeting?: IsoDate;
  /** The deal the lead became, by the deal's id. */
  dealId?: string;
  /** The day the lead became a deal (opportunity), when the export gives it. */
  converted?: IsoDate;
  /** The day the lead became a customer (won), when the lead export gives it. */
  won?: IsoDate;
}

export type LeadRow = Omit<Lead, 'file' | 'line'>;

/** leads.csv, one entry per column: its cell kind, whether the header must have it, its aliases. */
const LEAD_COLUMNS = [
  { name: 'id', kind: 'requiredText', required: true, aliases: ['lead_id', 'mql_id'] },
  { name: 'created_date', kind: 'requiredDate', required: true, aliases: ['created', 'create_date', 'first_contact_date'] },
  { name: 'source', kind: 'optionalText', required: false, aliases: ['origin', 'lead_source'] },
  { name: 'campaign', kind: 'optionalText', required: false, aliases: ['landing_page', 'landing_page_id'] },
  { name: 'owner', kind: 'textOrEmpty', required: false, aliases: ['owner_id', 'lead_owner'] },
  { name: 'status', kind: 'optionalText', required: false, aliases: ['lead_status'] },
  { name: 'qualified_date', kind: 'optionalDate', required: false, aliases: ['qualified'] },
  { name: 'meeting_date', kind: 'optionalDate', required: false, aliases: ['meeting'] },
  { name: 'deal_id', kind: 'optionalText', required: false, aliases: ['converted_deal_id'] },
  { name: 'converted_date', kind: 'optionalDate', required: false, aliases: ['converted'] },
  { name: 'won_date', kind: 'optionalDate', required: false, aliases: ['customer_date'] },
] as const satisfies ColumnTable;

const LEAD_CELLS = cellKindsOf(LEAD_COLUMNS);

/** Status words (compared by `valueKey`) that close a lead without a deal. */
const TURNED_DOWN = /\b(disqualified|unqualified|not qualified|junk|lost|rejected|closed not converted|bad fit|spam)\b/;

/** True when an exported lead status says the lead was turned down. */
export function isTurnedDown(status: string | undefined): boolean {
  return (
    status !== undefined &&
    TURNED_DOWN.test(
      valueKey(status)
        .replace(/[^a-z0-9 ]/g, ' ')
        .replace(/\s+/g, ' '),
    )
  );
}

function finishLead(): Finish<typeof LEAD_CELLS, LeadRow> {
  return (row) => ({
    id: row.id,
    created: row.created_date,
    source: row.source,
    campaign: row.campaign,
    ownerId: row.owner,
    status: row.status,
    disqualified: isTurnedDown(row.status),
    qualified: row.qualified_date,
    meeting: row.meeting_date,
    dealId: row.deal_id,
    converted: row.converted_date,
    won: row.won_date,
  });
}

export const leadsFile: FileSpec<LeadRow> = {
  file: 'leads.csv',
  required: false,
  idColumn: 'id',
  columns: columnSpecs(LEAD_COLUMNS),
  schema: (settings: Settings) => rowSchema(LEAD_CELLS, settings, finishLead()),
  fast: (settings: Settings) => fastRowReader(LEAD_CELLS, settings, finishLead()),
};
