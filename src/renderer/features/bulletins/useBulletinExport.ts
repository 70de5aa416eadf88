/**
 * Export: render through the pipeline, keep the file in the media store (remembered with what it
 * is), and offer it as a download — or not, when the render is made for the library.
 */
import { useCallback, useRef, useState } from 'react'
import type { BulletinPart } from '../../../shared/editor/bulletin'
import { downloadBytes, exportFileName, JobCancelledError } from '../../audio/ffmpeg'
import { storeBytes } from '../../audio/ffmpeg/store-upload'
import { errorCodeOf } from '../../bridge/bridge'
import type { RenderedFile } from '../../db/queries/bulletins'
import type { ExportKind } from './ExportBar'
import { renderBulletin } from './render-bulletin'
import { renderedFileOf } from './rendered-file'

const MP3_KBPS = 96

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
        const format = kind === 'mp3' ? ({ kind, bitrateKbps: MP3_KBPS } as const) : ({ kind } as const)
        const bytes = await renderBulletin(parts, format, title, {
          signal: abort.signal,
          onProgress: (f) => setProgress(f * 0.9),
        })
        const stored = await storeBytes(bytes, kind, { signal: abort.signal })
        await onStored(renderedFileOf(stored, parts))
        if (isDownload) downloadBytes(bytes, exportFileName(title, kind))
        return true
      } catch (error) {
        if (!(error instanceof JobCancelledError) && !abort.signal.aborted) {
          setProblem(
            error instanceof Error && error.message.startsWith('bulletins:')
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
