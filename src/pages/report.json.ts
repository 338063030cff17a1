/**
 * `/report.json`: every computed figure, for spreadsheets and other tools (docs/report-json.md).
 * Written in pieces (src/views/json-chunks.ts): the same text as one `JSON.stringify`, without
 * holding the whole of it as one string.
 */
import type { APIRoute } from 'astro';
import { jsonChunks } from '../views/json-chunks.ts';
import { siteModel } from '../views/site-model-file.ts';

export const GET: APIRoute = () => {
  const chunks = jsonChunks(siteModel().report);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
