/**
 * What a window's calls belong to (their owner, see CallContext) and when that ends: the web
 * contents is destroyed, its renderer process dies, or its page is replaced (a reload, also the
 * one main-window.ts makes after a crash). Then what the page was recording ends and is offered
 * back as interrupted, without waiting for a restart. Electron types only: the window is passed in.
 */
import type { Logger } from '../services/logger'

/** The parts of Electron's WebContents this module uses. */
export interface OwnerContentsLike {
  readonly id: number
  on(event: 'destroyed', listener: () => void): unknown
  on(event: 'render-process-gone', listener: () => void): unknown
  on(event: 'did-start-navigation', listener: (details: NavigationStartLike) => void): unknown
  removeListener(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown
  removeListener(event: 'did-start-navigation', listener: (details: NavigationStartLike) => void): unknown
}

/** The fields of Electron's `did-start-navigation` details read here. */
export interface NavigationStartLike {
  readonly isMainFrame: boolean
  readonly isSameDocument: boolean
}

export const windowOwner = (webContentsId: number): string => `window:${webContentsId}`

/** Calls `onGone` with the window's owner key each time its page goes away; returns the unsubscribe. */
export function watchWindowOwner(
  contents: OwnerContentsLike,
  onGone: (owner: string) => Promise<void>,
  log: Logger,
): () => void {
  const owner = windowOwner(contents.id)
  const gone = (): void => {
    onGone(owner).catch((error: unknown) =>
      log.error(
        `window: ending what ${owner} was doing failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
  }
  const navigating = (details: NavigationStartLike): void => {
    if (details.isMainFrame && !details.isSameDocument) gone()
  }
  contents.on('destroyed', gone)
  contents.on('render-process-gone', gone)
  contents.on('did-start-navigation', navigating)
  return () => {
    contents.removeListener('destroyed', gone)
    contents.removeListener('render-process-gone', gone)
    contents.removeListener('did-start-navigation', navigating)
  }
}
