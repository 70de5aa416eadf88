/**
 * A generic-provider update feed on https://127.0.0.1 (self-signed, `test-tls.ts`), as
 * electron-builder would publish it:
 * `<base>/latest-linux.yml` naming one AppImage, and the AppImage itself. The payload is a small
 * shell script padded with random bytes, so an "install" (which runs the new AppImage) is harmless
 * and observable: the script writes $DAIXA_TEST_MARKER.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { testCertificate } from './test-tls'

export interface FeedServer {
  /** The feed URL, ending in /updates/. */
  url: string
  payload: Buffer
  fileName: string
  /** Paths (without query) of every request, in order. */
  requests: string[]
  /** The version the feed offers, and optionally a wrong sha512 to announce. */
  offer(version: string, options?: { sha512?: string }): void
  close(): Promise<void>
}

export const sha512Base64 = (data: Buffer): string => createHash('sha512').update(data).digest('base64')

export async function startFeedServer(): Promise<FeedServer> {
  const script = Buffer.from(
    '#!/bin/sh\necho "installed $APPIMAGE_EXIT_AFTER_INSTALL" > "$DAIXA_TEST_MARKER"\nexit 0\n',
  )
  const payload = Buffer.concat([script, randomBytes(3 << 20)])
  const fileName = 'dai-xa-1.2.0-x86_64.AppImage'
  let yaml = ''
  const requests: string[] = []
  const offer = (version: string, options: { sha512?: string } = {}): void => {
    const sha512 = options.sha512 ?? sha512Base64(payload)
    yaml = [
      `version: ${version}`,
      'files:',
      `  - url: ${fileName}`,
      `    sha512: ${sha512}`,
      `    size: ${payload.length}`,
      `path: ${fileName}`,
      `sha512: ${sha512}`,
      `releaseDate: '2025-06-01T00:00:00.000Z'`,
      '',
    ].join('\n')
  }
  offer('1.2.0')

  const server: Server = createServer(testCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requests.push(path)
    if (path === '/updates/latest-linux.yml') {
      res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(yaml)
    } else if (path === `/updates/${fileName}`) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': payload.length }).end(payload)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}/updates/`,
    payload,
    fileName,
    requests,
    offer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
