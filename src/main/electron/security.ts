/**
 * Locks the app down beyond the window's own web preferences:
 * - permissions: only microphone capture ('media' with audio only) and output-device choice
 *   ('speaker-selection') are granted, and only to the app's own origin; everything else
 *   (camera, screen capture, notifications, geolocation, HID/USB/serial from the page…) is denied.
 *   Serial ports belong to the main process, never to the page.
 * - every web contents, present or future: no navigation, no redirects, no new windows, no
 *   <webview>. Links to the web are not opened either; the app has no reason to open a browser.
 */
import type { App, Session, WebContents } from 'electron'
import type { Logger } from '../services/logger'
import type { OriginCheck } from './schemes'

const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['media', 'speaker-selection'])

export interface PermissionQuery {
  permission: string
  /** The requesting frame's URL or origin. */
  origin: string | null | undefined
  /** Request: what capture is asked for ('audio', 'video'). */
  mediaTypes?: readonly string[] | undefined
  /** Check: 'audio', 'video' or 'unknown'. */
  mediaType?: string | undefined
}

/** The whole permission policy; pure, so it is tested without Electron. */
export function isPermissionGranted(query: PermissionQuery, isTrustedOrigin: OriginCheck): boolean {
  if (!GRANTED_PERMISSIONS.has(query.permission) || !isTrustedOrigin(query.origin)) return false
  if (query.permission !== 'media') return true
  // Capture requests must ask for audio and nothing else: the app never uses the camera.
  if (query.mediaTypes !== undefined) return query.mediaTypes.length > 0 && query.mediaTypes.every((t) => t === 'audio')
  return query.mediaType !== 'video'
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Navigation, redirect, pop-up and <webview> guards for one web contents. */
export function hardenWebContents(contents: GuardedContents, log: Logger): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('security: blocked a <webview>')
  })
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    log.warn(`security: blocked navigation to ${event.url.slice(0, 200)}`)
  })
  contents.on('will-redirect', (event) => {
    event.preventDefault()
    log.warn(`security: blocked redirect to ${event.url.slice(0, 200)}`)
  })
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`security: blocked a new window for ${url.slice(0, 200)}`)
    return { action: 'deny' }
  })
}

export interface SecurityGuardOptions {
  app: Pick<App, 'on' | 'off'>
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>
  isTrustedOrigin: OriginCheck
  log: Logger
}

/**
 * Installs the permission handlers and the per-contents guards. The returned function removes the
 * contents guard and leaves deny-all permission handlers behind: Electron's default with no
 * handler is to grant everything, so the handlers are never reset to null.
 */
export function installSecurityGuards({ app, session, isTrustedOrigin, log }: SecurityGuardOptions): () => void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    const granted = isPermissionGranted({ permission, origin: details.requestingUrl, mediaTypes }, isTrustedOrigin)
    if (!granted) log.warn(`security: denied permission ${permission} to ${details.requestingUrl.slice(0, 200)}`)
    callback(granted)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, origin: requestingOrigin, mediaType: details.mediaType }, isTrustedOrigin),
  )
  session.setDevicePermissionHandler(() => false)
  const onContentsCreated = (_event: unknown, contents: WebContents): void => hardenWebContents(contents, log)
  app.on('web-contents-created', onContentsCreated)
  return () => {
    app.off('web-contents-created', onContentsCreated)
    session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.setPermissionCheckHandler(() => false)
  }
}
