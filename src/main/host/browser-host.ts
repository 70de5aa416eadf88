/**
 * The browser host: plain Node serving the built renderer, running the same main-side services
 * as Electron, with the bridge over a WebSocket. Binds to loopback only.
 *
 *   node out/host/browser-host.js --port 5199 --data-dir ./.daixa-data
 *
 * Prints `Đài Xã browser host ready at http://127.0.0.1:<port>/?key=<launch key> (data: …)` when
 * it accepts connections: open that address (it carries this launch's key, see host-access.ts).
 * The key is printed there once and never written to the log.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAppServices } from '../app-services'
import { consoleSink, createLogger } from '../services/logger'
import { parseHostArgs } from './args'
import { createHostAccess } from './host-access'
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
  let port = 0
  const access = createHostAccess({ port: () => port })
  const handle = createRequestHandler(args.renderer, services.store, access)
  const server = createServer((req, res) => void handle(req, res))
  const closeBridge = attachWsBridge({
    server,
    dispatch: services.dispatch,
    bus: services.bus,
    log,
    allowedOrigins: () => [origin, origin.replace('127.0.0.1', 'localhost')],
    access,
    onOwnerGone: services.ownerGone,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(args.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  console.log(`Đài Xã browser host ready at ${access.launchUrl(origin)} (data: ${args.dataDir})`)

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
