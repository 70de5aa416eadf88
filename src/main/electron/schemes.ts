/**
 * The Electron host's two custom schemes, and who counts as "the app".
 *
 *   app://daixa/index.html              the built renderer (out/renderer): a stable origin for CSP
 *   daixa-media://media/<sha256>.wav    the media store, with HTTP Range support
 *
 * Node's WHATWG URL treats these schemes as non-special, so `new URL('app://daixa/').origin` is the
 * string 'null'. Origins are therefore compared as `<protocol>//<host>`, which is also the form
 * Chromium reports for standard custom schemes ('app://daixa').
 */
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'daixa'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const MEDIA_SCHEME = 'daixa-media'
export const MEDIA_HOST = 'media'
/** What `app:info` reports as `mediaBaseUrl` in the Electron host. */
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://${MEDIA_HOST}/`

/**
 * Registered before `app.ready`. `standard` gives real origins and relative URL resolution,
 * `secure` makes the pages a secure context (getUserMedia, setSinkId, crossOriginIsolated),
 * `stream` lets <audio> and wavesurfer seek with Range requests, `corsEnabled` lets the app
 * origin fetch media with CORS (Web Audio refuses to play tainted cross-origin media).
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
  },
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
  },
]

/** `<protocol>//<host>` of a URL or origin string; null when it has no host (file:, data:, about:, junk). */
export function originOf(urlOrOrigin: string): string | null {
  let url: URL
  try {
    url = new URL(urlOrOrigin)
  } catch {
    return null
  }
  if (url.host === '') return null
  return `${url.protocol}//${url.host}`
}

export type OriginCheck = (urlOrOrigin: string | null | undefined) => boolean

/**
 * True for the app's own origin, and for the dev server's origin when electron-vite runs `dev`
 * (the caller passes null for a packaged app, so an environment variable can never widen trust).
 */
export function createOriginCheck(devRendererUrl: string | null): OriginCheck {
  const trusted = new Set([APP_ORIGIN])
  const dev = devRendererUrl === null ? null : originOf(devRendererUrl)
  if (dev !== null) trusted.add(dev)
  return (value) => {
    if (!value) return false
    const origin = originOf(value)
    return origin !== null && trusted.has(origin)
  }
}
