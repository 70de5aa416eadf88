/**
 * The browser host built for integration tests (`npm test` runs vitest before `npm run build`, so
 * out/host may not exist): the same vite config as `vite.host.config.ts`, written to a cache
 * folder of this test process. Started as a real child process by the e2e suite's `startHost`.
 */
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'vite'

export interface BuiltHost {
  entry: string
  remove(): Promise<void>
}

export async function buildHost(): Promise<BuiltHost> {
  const outDir = resolve('node_modules/.cache', `daixa-host-${process.pid}`)
  await build({
    configFile: resolve('vite.host.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  return { entry: join(outDir, 'browser-host.js'), remove: () => rm(outDir, { recursive: true, force: true }) }
}
