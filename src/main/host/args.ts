/** Command line of the browser host: `--port N --data-dir PATH [--renderer DIR]`. */
import { resolve } from 'node:path'
import { z } from 'zod'

export const hostArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5199),
  dataDir: z.string().min(1).default('.daixa-data'),
  renderer: z.string().min(1).default('out/renderer'),
})
export type HostArgs = z.infer<typeof hostArgsSchema>

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const raw: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!m?.[1]) throw new Error(`host: unexpected argument ${arg}`)
    const key = m[1].replace(/-([a-z])/g, (_s, c: string) => c.toUpperCase())
    const value = m[2] ?? argv[++i]
    // An empty value or a following flag is a missing value: `--port=` would coerce to port 0 and
    // `--data-dir --port=1` would make a folder named "--port=1".
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) {
      throw new Error(`host: --${m[1]} needs a value`)
    }
    raw[key] = value
  }
  const args = hostArgsSchema.strict().parse(raw)
  return { ...args, dataDir: resolve(args.dataDir), renderer: resolve(args.renderer) }
}
