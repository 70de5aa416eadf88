/**
 * Starts the built browser host as a real child process, as an officer's machine would run it.
 * `url` is the address the host printed, with this launch's key: opening it gives the page the
 * session cookie every later request needs (src/main/host/host-access.ts).
 */
import { request } from 'node:http'
import { spawn, type ChildProcess } from 'node:child_process'
import { HOST_ENTRY } from './paths'

export interface HostProcess {
  /** The printed address, launch key included. */
  url: string
  /** `http://127.0.0.1:<port>` */
  origin: string
  port: number
  child: ChildProcess
  output: () => string
  /** Opens `url` as a page would and answers the `Cookie` header value it was given (Node clients). */
  cookie(): Promise<string>
  /** SIGKILL: no chance to flush or finalise anything, like a power cut of the process. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/** `entry`: the built host (integration tests build their own into a cache folder). */
export async function startHost(dataDir: string, port = 0, entry = HOST_ENTRY): Promise<HostProcess> {
  const child = spawn(process.execPath, [entry, '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 15 s:\n${log}`)), 15_000)
    const onData = (): void => {
      const m = /ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(log)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${log}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    child,
    output: () => log,
    cookie: () => sessionCookie(parsed),
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** The `name=value` of the cookie the host sets for its printed address. */
function sessionCookie(url: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume()
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0]
      if (res.statusCode === 303 && cookie) resolve(cookie)
      else reject(new Error(`host: opening ${url.origin} answered ${String(res.statusCode)} without a cookie`))
    })
    req.on('error', reject)
    req.end()
  })
}
