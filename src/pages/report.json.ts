/** `/report.json`: every computed figure, for spreadsheets and other tools (docs/report-json.md). */
import type { APIRoute } from 'astro';
import { siteModel } from '../views/site-model-file.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(siteModel().report, null, 1), { headers: { 'Content-Type': 'application/json' } });
