/**
 * The browser host: plain Node serving the built renderer, running the same main-side services
 * as Electron, with the bridge over a WebSocket. Binds to loopback only.
 *
 *   node out/host/browser-host.js --port 5199 --data-dir ./.daixa-data
 *
 * Prints `Đài Xã browser host ready at http://127.0.0.1:<port>/` when it accepts connections.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAppServices } from '../app-services'
import { consoleSink, createLogger } from '../services/logger'
import { parseHostArgs } from './args'
import { createRequestHandler } from './static-files'
import { attachWsBridge } from './ws-bridge-server'

declare const __APP_VERSION__: string

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2))
  const log = createLogger(consoleSink)
  let origin = ''
  const services = await createAppServices({
    dataDir: args.dataDir,
    info: { version: __APP_VERSION__, host: 'browser', platform: process.platform, mediaBaseUrl: '/media/' },
    log,
  })
  const handle = createRequestHandler(args.renderer, services.store)
  const server = createServer((req, res) => void handle(req, res))
  const closeBridge = attachWsBridge({
    server,
    dispatch: services.dispatch,
    bus: services.bus,
    log,
    allowedOrigins: () => [origin, origin.replace('127.0.0.1', 'localhost')],
    onOwnerGone: services.ownerGone,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(args.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  console.log(`Đài Xã browser host ready at ${origin}/ (data: ${args.dataDir})`)

  let stopping = false
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log.info(`host: ${signal}, stopping`)
    await closeBridge()
    await services.stop()
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(`host: failed to start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
