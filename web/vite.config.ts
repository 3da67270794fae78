// Vite config for the DPG Explorer front end: web/ is the root, the build lands in web/dist (served by the
// Express server in production), and the dev server proxies /api to the API (override with DPG_API_URL).
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const webRoot = new URL('.', import.meta.url).pathname;
const apiTarget = process.env.DPG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The graph renderer and its layout engine change rarely: keep them in their own cacheable
        // chunks. The layout engine (fCoSE) is imported dynamically, when a small graph first needs
        // it (web/src/lib/graph/fcose-loader.ts), so its chunk is not in the initial JavaScript.
        codeSplitting: {
          groups: [
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
            {
              name: 'graph-layout',
              test: /node_modules[\\/](cytoscape-fcose|cose-base|layout-base)[\\/]/,
            },
            { name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ },
            // The app's modules that both the first load and a lazily loaded panel use, in one chunk
            // rather than one per module: fewer requests on the first load.
            { name: 'app-shared', test: /web[\\/]src[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  // The layout worker (lib/graph/layout-worker.ts) is a module worker in its own same-origin file:
  // the CSP allows that, and d3-force stays out of the page's initial JavaScript.
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
});
