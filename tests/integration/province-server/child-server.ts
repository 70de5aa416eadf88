/**
 * The reference province server as a child process, for crash tests: built once with the
 * project's Vite config (tests/province-server/main.ts → plain Node 20 JS) into node_modules/.cache,
 * so its bare imports resolve from the project's node_modules, then spawned with `node`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'vite'

export interface ChildServer {
  url: string
  child: ChildProcess
  /** Resolves with the exit signal (or code) once the process has ended. */
  exited: Promise<string>
  kill(): Promise<string>
}

export interface BuiltServer {
  entry: string
  cleanup(): Promise<void>
}

export async function buildProvinceServer(): Promise<BuiltServer> {
  const outDir = resolve('node_modules/.cache', `province-server-test-${process.pid}`)
  await build({
    configFile: resolve('vite.province.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  return { entry: join(outDir, 'province-server.js'), cleanup: () => rm(outDir, { recursive: true, force: true }) }
}

const READY = /province server ready at (http:\/\/127\.0\.0\.1:\d+)\//

/** Starts the built server on a free port in test mode with crash faults allowed; waits until it is ready. */
export function spawnProvinceServer(entry: string, dataDir: string, timeoutMs = 10_000): Promise<ChildServer> {
  const args = [entry, '--port', '0', '--data-dir', dataDir, '--seed-demo', '--test', '--allow-crash']
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? String(code))))
  let output = ''
  return new Promise<ChildServer>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`province server did not start in ${timeoutMs} ms: ${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const url = READY.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      const kill = (): Promise<string> => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
        return exited
      }
      resolveReady({ url, child, exited, kill })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`province server exited (${how}) before it was ready: ${output}`))
    })
  })
}
