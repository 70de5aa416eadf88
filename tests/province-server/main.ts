/**
 * CLI of the reference province server. Built by `vite build -c vite.province.config.ts` into
 * out/province/province-server.js (Node 20, no TypeScript at run time):
 *
 *   node out/province/province-server.js --port 8787 --data-dir out/province-data --seed-demo [--test] [--seed 7]
 *
 * Options: --port N (default 8787; 0 = any), --data-dir DIR (default out/province-data, git-ignored), --seed-demo
 * (account xa-demo / loa-xa-2025, see demo-seed.ts), --test (enables /__test__ and faults), --seed N
 * (fault PRNG), --allow-crash (scripted crash faults may kill the process), --access-ttl SECONDS,
 * --public-url URL (where clients reach it behind a reverse proxy; upload endpoints use it).
 * Binds 127.0.0.1 only and prints `province server ready at http://127.0.0.1:<port>/`.
 * With --publish-emergency it publishes an emergency on a running demo server and exits
 * (emergency-publish-cli.ts).
 */
import { resolve } from 'node:path'
import { isPublishCommand, runPublishCommand } from './emergency-publish-cli'
import { startProvinceServer, type ProvinceServerOptions } from './server'

function parseProvinceArgs(argv: readonly string[]): ProvinceServerOptions {
  const options: ProvinceServerOptions = { dataDir: resolve('out/province-data'), port: 8787 }
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]
    const value = (): string => {
      const next = argv[i + 1]
      if (next === undefined) throw new Error(`${flag ?? ''} needs a value`)
      i += 1
      return next
    }
    const int = (): number => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag ?? ''} needs a whole number`)
      return n
    }
    if (flag === '--port') options.port = int()
    else if (flag === '--data-dir') options.dataDir = resolve(value())
    else if (flag === '--seed-demo') options.seedDemo = true
    else if (flag === '--test') options.testMode = true
    else if (flag === '--allow-crash') options.allowCrash = true
    else if (flag === '--seed') options.seed = int()
    else if (flag === '--access-ttl') options.accessTtlMs = int() * 1000
    else if (flag === '--public-url') options.publicUrl = new URL(value()).toString()
    else throw new Error(`unknown option ${flag ?? ''}`)
  }
  return options
}

async function main(): Promise<void> {
  const options = parseProvinceArgs(process.argv.slice(2))
  const server = await startProvinceServer({ ...options, log: (line) => console.log(line) })
  console.log(
    `province server ready at ${server.url}/ (data: ${options.dataDir}${options.testMode ? ', test mode' : ''})`,
  )
  let stopping = false
  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    console.log(`province: ${signal}, stopping`)
    setTimeout(() => process.exit(1), 5_000).unref()
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

const argv = process.argv.slice(2)
const command = isPublishCommand(argv) ? runPublishCommand(argv) : main()
command.catch((error: unknown) => {
  const what = isPublishCommand(argv) ? 'could not publish' : 'failed to start'
  console.error(`province: ${what}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
