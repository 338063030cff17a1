/**
 * Page-weight budget over a built site: HTML (with its inlined CSS) per page, and JavaScript
 * bytes shipped. Every page must stay under `PAGE_BUDGET_BYTES` before compression.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const PAGE_BUDGET_BYTES = 150 * 1024;

export interface PageWeights {
  pages: number;
  htmlBytes: number;
  largest: { path: string; bytes: number }[];
  cssBytes: number;
  jsBytes: number;
  overBudget: { path: string; bytes: number }[];
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export async function checkPageWeights(siteDir: string): Promise<PageWeights> {
  const pages: { path: string; bytes: number }[] = [];
  let cssBytes = 0;
  let jsBytes = 0;
  for await (const path of walk(siteDir)) {
    const { size } = await stat(path);
    if (path.endsWith('.html')) pages.push({ path: relative(siteDir, path), bytes: size });
    else if (path.endsWith('.css')) cssBytes += size;
    else if (path.endsWith('.js') || path.endsWith('.mjs')) jsBytes += size;
  }
  pages.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  return {
    pages: pages.length,
    htmlBytes: pages.reduce((sum, page) => sum + page.bytes, 0),
    largest: pages.slice(0, 3),
    cssBytes,
    jsBytes,
    // External CSS counts against every page that links it.
    overBudget: pages.filter((page) => page.bytes + cssBytes > PAGE_BUDGET_BYTES),
  };
}

export function formatPageWeights(weights: PageWeights, renderMs: number): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const perSecond = renderMs > 0 ? Math.round((weights.pages / renderMs) * 1000) : 0;
  return [
    `pages: ${weights.pages} in ${Math.round(renderMs)} ms (${perSecond} pages/s)`,
    `page weight (HTML + inlined CSS, budget ${kib(PAGE_BUDGET_BYTES)}): largest ${weights.largest
      .map((page) => `${page.path} ${kib(page.bytes)}`)
      .join(', ')}; average ${kib(weights.pages ? weights.htmlBytes / weights.pages : 0)}`,
    `external CSS ${kib(weights.cssBytes)}, JavaScript ${weights.jsBytes} bytes`,
  ].join('\n');
}
