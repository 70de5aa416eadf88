/**
 * Builds the Electron app: main (src/main/electron/main.ts), the sandboxed preload (CommonJS, as
 * sandboxed preloads must be) and the renderer. The browser host is built by vite.host.config.ts.
 */
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './vite.renderer.config'

const version = process.env.npm_package_version ?? '0.0.0'

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: { ...rendererConfig, plugins: [react()] },
})
