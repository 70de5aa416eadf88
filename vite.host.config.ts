/**
 * Builds the browser host (plain Node) and, with it, the renderer it serves:
 * `vite build -c vite.host.config.ts` → out/host/browser-host.js. Dependencies stay external
 * (resolved from node_modules at run time).
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const version = process.env.npm_package_version ?? '0.0.0'

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: resolve('src/main/host/browser-host.ts'),
    outDir: 'out/host',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'browser-host.js' } },
  },
})
