/**
 * Response headers of the app scheme. The Content-Security-Policy is the renderer's shared one
 * (src/shared/security.ts, so both hosts allow the same features) minus what only the browser host
 * needs: the WebSocket bridge (`ws:` sources). Electron's bridge is IPC, so the app never opens a
 * socket. The other headers match the browser host: no sniffing, no framing, cross-origin
 * isolation (ffmpeg.wasm threads need SharedArrayBuffer).
 */
import { CONTENT_SECURITY_POLICY } from '../../shared/security'

export type CspDirectives = Map<string, string[]>

export function parseCsp(policy: string): CspDirectives {
  const directives: CspDirectives = new Map()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

export function serializeCsp(directives: CspDirectives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
}

const isSocketSource = (source: string): boolean => /^wss?:/i.test(source)

export function electronCsp(sharedPolicy: string): string {
  const directives = parseCsp(sharedPolicy)
  for (const [name, sources] of directives)
    directives.set(
      name,
      sources.filter((s) => !isSocketSource(s)),
    )
  return serializeCsp(directives)
}

export const ELECTRON_CSP = electronCsp(CONTENT_SECURITY_POLICY)

/** Headers on every response of app://daixa/, errors included. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ELECTRON_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}
