/**
 * Builds the report benchmark (TypeScript sources) into one plain-Node ES module:
 * `vite build -c vite.bench.config.ts` → out/bench/report-bench.js, run with `node`.
 * Dependencies stay external (resolved from node_modules at run time), as in vite.host.config.ts.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: resolve('tests/bench/report-bench.ts'),
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'report-bench.js' } },
  },
})
