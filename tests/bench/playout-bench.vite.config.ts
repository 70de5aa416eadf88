/**
 * Builds the browser half of the playout benchmark (tests/bench/playout-bench.page.ts) into one
 * ES module, out/bench-playout/playout-bench.page.js, which playout-bench.mjs serves to Chromium.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    outDir: 'out/bench-playout',
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    lib: {
      entry: resolve('tests/bench/playout-bench.page.ts'),
      formats: ['es'],
      fileName: () => 'playout-bench.page.js',
    },
  },
})
