/** `/data/<table-id>.csv`: the rows behind every chart and table, for spreadsheets. */
import type { APIRoute } from 'astro';
import { allTables } from '../../views/all-tables.ts';
import { siteModel } from '../../views/site-model-file.ts';
import { toCsv, type ViewTable } from '../../views/table.ts';

export function getStaticPaths() {
  return allTables(siteModel().report, siteModel().dealRows).map((table) => ({ params: { id: table.id }, props: { table } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(props.table as ViewTable), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
