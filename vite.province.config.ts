/**
 * Builds the reference province server (tests/province-server) for plain Node 20:
 * `vite build -c vite.province.config.ts` → out/province/province-server.js. Dependencies stay
 * external (resolved from node_modules at run time). Run it with
 * `node out/province/province-server.js --seed-demo` (options in tests/province-server/main.ts).
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: resolve('tests/province-server/main.ts'),
    outDir: 'out/province',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'province-server.js' } },
  },
})
