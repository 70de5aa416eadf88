// The browser host for a benchmark: started on a free loopback port with its own data folder;
// resolves once it prints its address. That address carries the launch key the page exchanges for
// its session cookie (src/main/host/host-access.ts): open it as printed, adding parameters with
// `withParams`, never by pasting text after it.
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

/** The printed address with more query parameters (`?automation=1`), the launch key kept. */
export function withParams(url, params) {
  const u = new URL(url)
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v)
  return u.toString()
}
