/** The import in progress: start with a File, progress 0..1, cancel; tells the officer the outcome. */
import { App } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DecodeError, importFile, JobCancelledError } from '../../audio/ffmpeg'
import { BridgeError } from '../../bridge/bridge'

export interface ImportState {
  name: string
  progress: number
}

export function useImport() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [state, setState] = useState<ImportState | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  const explain = useCallback(
    (name: string, error: unknown): string => {
      if (error instanceof DecodeError) {
        return t('audio.import.failed', { name, reason: t(`audio.import.reasons.${error.reason}`) })
      }
      // Main refused the decoded bytes: as damaged as a file ffmpeg could not read.
      if (error instanceof BridgeError && error.code === 'corrupt') {
        return t('audio.import.failed', { name, reason: t('audio.import.reasons.damaged') })
      }
      return t('audio.import.failed', {
        name,
        reason: t(`errors.${error instanceof BridgeError ? error.code : 'internal'}`),
      })
    },
    [t],
  )

  const start = useCallback(
    async (file: File) => {
      if (controller.current) return
      const abort = new AbortController()
      controller.current = abort
      setState({ name: file.name, progress: 0 })
      try {
        const announcement = await importFile(file, {
          signal: abort.signal,
          onProgress: (progress) => setState({ name: file.name, progress }),
        })
        void message.success(t('audio.import.done', { title: announcement.title }))
      } catch (error) {
        if (error instanceof JobCancelledError) void message.info(t('audio.import.cancelled', { name: file.name }))
        else void message.error({ content: explain(file.name, error), duration: 10 })
      } finally {
        controller.current = null
        setState(null)
      }
    },
    [explain, message, t],
  )

  const cancel = useCallback(() => controller.current?.abort(), [])
  return { state, start, cancel }
}
