/**
 * A virtual null-modem cable for driver tests: `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`
 * in a fresh mkdtemp folder. `unplug()` kills socat (both PTYs vanish, as a USB adapter does when
 * pulled) and `replug()` starts it again on the same paths. `stop()` kills socat and removes the folder.
 * raw,echo=0 keeps the tty line discipline from eating CR or echoing binary frames
 * (hardware-protocols.md §5.3). Every wait is bounded: a socat that does not make both links
 * within 3 s fails the test instead of hanging it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventually } from './device-helpers'

export interface SocatPair {
  /** the driver's end */
  a: string
  /** the simulator's end */
  b: string
  unplug(): Promise<void>
  replug(): Promise<void>
  stop(): Promise<void>
}

const SOCAT = '/usr/bin/socat'

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export async function startSocatPair(): Promise<SocatPair> {
  const dir = await mkdtemp(join(tmpdir(), 'daixa-socat-'))
  const a = join(dir, 'ttyDRV')
  const b = join(dir, 'ttySIM')
  let child: ChildProcess | null = null

  async function launch(): Promise<void> {
    const proc = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: 'ignore',
    })
    child = proc
    try {
      await eventually(() => proc.exitCode === null && existsSync(a) && existsSync(b), 3000, 'socat-pair: links')
    } catch (error) {
      await killAndWait(proc)
      throw error
    }
  }

  async function unplug(): Promise<void> {
    const proc = child
    child = null
    if (proc) await killAndWait(proc)
    await eventually(() => !existsSync(a) && !existsSync(b), 2000, 'socat-pair: link removal')
  }

  await launch()
  return {
    a,
    b,
    unplug,
    replug: launch,
    async stop() {
      await unplug()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
