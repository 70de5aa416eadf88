// The browser host for a benchmark: started on a free loopback port with its own data folder;
// resolves once it prints its address.
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export async function startHost(dataDir) {
  const host = spawn(process.execPath, [join(ROOT, 'out/host/browser-host.js'), '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((res, rej) => {
    let out = ''
    host.stdout.on('data', (d) => {
      out += d
      const m = /ready at (\S+)/.exec(out)
      if (m) res(m[1])
    })
    host.once('exit', (c) => rej(new Error(`host exited ${c}`)))
  })
  return { host, url }
}
