/** Renderer build settings shared by the Electron build and the browser host build. */
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type UserConfig } from 'vite'

export const rendererConfig = {
  root: resolve('src/renderer'),
  base: './',
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    // ffmpeg.wasm's small worker must stay a file, not a data: URL (CSP).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: resolve('src/renderer/index.html') },
  },
  worker: { format: 'es' },
  // The dev server must not pre-bundle ffmpeg.wasm: its worker is found by `new URL(…, import.meta.url)`.
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg', '@ffmpeg/util'] },
} satisfies UserConfig

/** `vite build -c vite.renderer.config.ts`: the renderer alone (the browser host serves it). */
export default defineConfig({ ...rendererConfig, plugins: [react()] })
