// @ts-check
import { defineConfig } from 'astro/config';
import { PAGE_PROGRESS_ENV, pageCounter } from './scripts/build/page-progress.ts';

/**
 * Counts the HTML pages as Astro renders them (not the CSV files), for the build's progress
 * line (scripts/build/page-progress.ts); only when the build asks for it.
 * @returns {import('astro').AstroIntegration}
 */
function pageProgress() {
  return {
    name: 'tavla-page-progress',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        const file = process.env[PAGE_PROGRESS_ENV];
        if (!file) return;
        const counter = pageCounter(file);
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          name: 'tavla-page-progress',
          setup: async () => prerenderer.setup?.(),
          teardown: async () => prerenderer.teardown?.(),
          getStaticPaths: async () => {
            const paths = await prerenderer.getStaticPaths();
            counter.total(paths.filter((path) => path.route.type === 'page').length);
            return paths;
          },
          render: async (request, options) => {
            const response = await prerenderer.render(request, options);
            if (options.routeData.type === 'page') counter.page();
            return response;
          },
        }));
      },
    },
  };
}

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
  integrations: [pageProgress()],
});
