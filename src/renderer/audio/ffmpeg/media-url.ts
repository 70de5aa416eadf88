/** URLs of stored media files, from the host's `mediaBaseUrl` (asked once). */
import { call } from '../../bridge/bridge'

let mediaBase: Promise<string> | null = null

/** The media store's base URL (`/media/` in the browser host, `daixa-media://media/` in Electron). */
export function mediaBaseUrl(): Promise<string> {
  mediaBase ??= call('app:info', {})
    .then((info) => info.mediaBaseUrl)
    .catch((error: unknown) => {
      mediaBase = null
      throw error
    })
  return mediaBase
}

/** URL of a stored WAV by hash. */
export async function mediaUrlOf(): Promise<(hash: string) => string> {
  const base = await mediaBaseUrl()
  return (hash) => `${base}${hash}.wav`
}

/** Whether the media store holds `<hash>.wav` (a HEAD request; no body is read). */
export async function isStoredWav(hash: string): Promise<boolean> {
  const url = (await mediaUrlOf())(hash)
  try {
    return (await fetch(url, { method: 'HEAD' })).ok
  } catch {
    return false
  }
}
