/**
 * Builds the browser half of the schedule benchmark (tests/bench/schedule-bench.page.ts) into one
 * ES module, out/bench-schedule/schedule-bench.page.js, which schedule-bench.mjs serves to Chromium.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  // library mode leaves process.env in (React reads NODE_ENV); the page has no `process`
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'out/bench-schedule',
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    lib: {
      entry: resolve('tests/bench/schedule-bench.page.ts'),
      formats: ['es'],
      fileName: () => 'schedule-bench.page.js',
    },
  },
})
