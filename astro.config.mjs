// @ts-check
import { defineConfig } from 'astro/config';

// The report data is computed before Astro runs (scripts/build.ts) and read by the pages
// from the prepared site model; Astro only renders. Output folder and base path come from
// the environment so that the build can write to a temporary folder and swap it in whole.
export default defineConfig({
  outDir: process.env.TAVLA_OUT_DIR ?? './dist',
  base: process.env.TAVLA_BASE ?? '/',
  site: process.env.TAVLA_SITE,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  prefetch: false,
});
