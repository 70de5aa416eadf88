/** What the Electron host reads from its command line and environment at start. Pure. */
import { join, resolve } from 'node:path'

type Env = Readonly<Record<string, string | undefined>>

/** `--data-dir=<path>`, else DAIXA_DATA_DIR, else `<userData>/data`; always absolute. */
export function resolveDataDir(argv: readonly string[], env: Env, userDataDir: string): string {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length)
  if (flag) return resolve(flag)
  const fromEnv = env.DAIXA_DATA_DIR?.trim()
  if (fromEnv) return resolve(fromEnv)
  return join(userDataDir, 'data')
}

/**
 * The dev server URL electron-vite passes in `dev` (ELECTRON_RENDERER_URL). Ignored in a packaged
 * app, so an environment variable can never point the station's app at another page.
 */
export function devRendererUrl(env: Env, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

export const hasSwitch = (argv: readonly string[], name: string): boolean => argv.includes(`--${name}`)
