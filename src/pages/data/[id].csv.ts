/**
 * `/data/<table-id>.csv`: the rows behind every chart and table, for spreadsheets. Each table is
 * written out as CSV text where the paths are listed, so the build keeps the texts, not every
 * table's rows and cells, while it renders the pages.
 */
import type { APIRoute } from 'astro';
import { allTables } from '../../views/all-tables.ts';
import { siteModel } from '../../views/site-model-file.ts';
import { toCsv } from '../../views/table.ts';

export function getStaticPaths() {
  const { report, dealRows, dealFiles, openByStage } = siteModel();
  return allTables(report, dealRows, { dealFiles, openByStage }).map((table) => ({ params: { id: table.id }, props: { csv: toCsv(table) } }));
}

export const GET: APIRoute = ({ props }) => new Response(props.csv as string, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
