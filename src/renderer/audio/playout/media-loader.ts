/**
 * Audio for rundown items: fetched from the host's media URL (`<mediaBaseUrl><hash>.wav`, or
 * `<hash>.mp3` when the store holds a downloaded MP3; the
 * same base the library's player uses) and decoded ahead of time, so starting an item is only
 * `source.start(t)`. A file that is missing (404) or cannot be decoded answers null: the engine
 * skips that item with a log entry and an alert instead of stopping the session.
 */
import type { RundownItem } from '../../../shared/onair/rundown'

export type AudioLoader = (ctx: BaseAudioContext, item: RundownItem) => Promise<AudioBuffer | null>

export function createMediaLoader(mediaBaseUrl: string, fetcher: typeof fetch = fetch): AudioLoader {
  const cache = new Map<string, Promise<AudioBuffer | null>>()
  return (ctx, item) => {
    const hash = item.mediaHash
    if (!hash) return Promise.resolve(null)
    let pending = cache.get(hash)
    if (!pending) {
      // a province programme's file may be the MP3 the province sent (downloaded as-is)
      pending = fetcher(`${mediaBaseUrl}${hash}.wav`)
        .then((response) => (response.status === 404 ? fetcher(`${mediaBaseUrl}${hash}.mp3`) : response))
        .then(async (response) => (response.ok ? ctx.decodeAudioData(await response.arrayBuffer()) : null))
        .catch(() => null)
      cache.set(hash, pending)
      // a failure may be temporary (file copied in later): do not remember it
      void pending.then((buffer) => buffer === null && cache.delete(hash))
    }
    return pending
  }
}
