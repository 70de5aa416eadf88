/** Starts the built browser host as a real child process, as an officer's machine would run it. */
import { spawn, type ChildProcess } from 'node:child_process'
import { HOST_ENTRY } from './paths'

export interface HostProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
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
      const m = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)
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
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => log,
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
