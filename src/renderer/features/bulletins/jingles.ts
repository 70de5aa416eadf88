/**
 * The neutral default jingles shipped in resources/jingles (made by scripts/make-jingle.mjs) are
 * bundled as app files and imported into the media store on first use; the store hash is then
 * remembered, so later bulletins reuse the same file. The files are already in the store's format.
 */
import introUrl from '../../../../resources/jingles/default-intro.wav?url'
import outroUrl from '../../../../resources/jingles/default-outro.wav?url'
import { storeBytes } from '../../audio/ffmpeg/store-upload'
import { appDatabase } from '../../db/database'
import { getStoredJingle, setStoredJingle, type StoredJingle } from '../../db/queries/bulletins'

export const JINGLES = {
  'default-intro': { url: introUrl, kind: 'intro' },
  'default-outro': { url: outroUrl, kind: 'outro' },
} as const
export type JingleName = keyof typeof JINGLES

export async function ensureJingle(name: JingleName): Promise<StoredJingle> {
  const db = appDatabase()
  const known = await getStoredJingle(db, name)
  if (known) return known
  const response = await fetch(JINGLES[name].url)
  if (!response.ok) throw new Error(`bulletins: jingle ${name} answered HTTP ${response.status}`)
  const stored = await storeBytes(new Uint8Array(await response.arrayBuffer()), 'wav')
  const jingle = { hash: stored.hash, durationMs: Math.round(stored.durationMs) }
  await setStoredJingle(db, name, jingle)
  return jingle
}
