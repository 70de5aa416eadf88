/**
 * Builds the TypeScript benchmarks into plain-Node ES modules:
 * `vite build -c vite.bench.config.ts` → out/bench/<name>.js, run with `node`.
 * Dependencies stay external (resolved from node_modules at run time), as in vite.host.config.ts.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        'report-bench': resolve('tests/bench/report-bench.ts'),
        'upload-bench': resolve('tests/bench/upload-bench.ts'),
        'prefetch-bench': resolve('tests/bench/prefetch-bench.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
