/**
 * Export: render the bulletin's master through the pipeline (its parts' aired audio, joined and
 * brought to the station's loudness), keep it in the media store as the bulletin's rendering
 * (what airs and what "Lưu vào thư viện" stores), and offer it as a download in the chosen format
 * — or not, when the render is made for the library.
 */
import { useCallback, useRef, useState } from 'react'
import type { BulletinPart } from '../../../shared/editor/bulletin'
import { downloadBytes, exportFileName, JobCancelledError } from '../../audio/ffmpeg'
import { errorCodeOf } from '../../bridge/bridge'
import type { RenderedFile } from '../../db/queries/bulletins'
import type { ExportKind } from './ExportBar'
import { exportBulletin, renderBulletinWav } from './render-bulletin'
import { renderedFileOf } from './rendered-file'

const MP3_KBPS = 96
/** Share of the progress bar for the master; the encoded download takes the rest. */
const MASTER_SHARE = 0.7

export function useBulletinExport(onStored: (file: RenderedFile) => Promise<void>) {
  const [progress, setProgress] = useState<number | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const controller = useRef<AbortController | null>(null)

  const run = useCallback(
    async (parts: readonly BulletinPart[], title: string, kind: ExportKind, isDownload = true) => {
      const abort = new AbortController()
      controller.current = abort
      setProblem(null)
      setProgress(0)
      try {
        const share = isDownload ? MASTER_SHARE : 1
        const master = await renderBulletinWav(parts, {
          signal: abort.signal,
          onProgress: (f) => setProgress(f * share),
        })
        await onStored(renderedFileOf(master, parts))
        if (isDownload) {
          const format = kind === 'mp3' ? ({ kind, bitrateKbps: MP3_KBPS } as const) : ({ kind } as const)
          const bytes = await exportBulletin(master, format, title, {
            signal: abort.signal,
            onProgress: (f) => setProgress(share + (1 - share) * f),
          })
          downloadBytes(bytes, exportFileName(title, kind))
        }
        return true
      } catch (error) {
        if (!(error instanceof JobCancelledError) && !abort.signal.aborted) {
          setProblem(
            error instanceof Error && /^(bulletins|ffmpeg):/.test(error.message)
              ? 'bulletins.errors.render'
              : `errors.${errorCodeOf(error)}`,
          )
        }
        return false
      } finally {
        controller.current = null
        setProgress(null)
      }
    },
    [onStored],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])
  return { progress, problem, run, cancel }
}
