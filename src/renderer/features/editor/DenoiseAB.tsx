/**
 * A/B for "Giảm tạp âm": renders the same short span (the selection, or 10 s from the playhead)
 * without and with noise reduction, so the officer hears what the filter does before keeping it.
 */
import { Button, Space } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditList } from '../../../shared/editor/edit-list'
import { render } from '../../audio/ffmpeg'
import type { AudioJob } from './useAudioJob'
import type { Selection } from './useEditor'

const PREVIEW_MS = 10_000

export interface DenoiseABProps {
  list: EditList
  job: AudioJob
  selection: Selection | null
  playheadMs: number
  durationMs: number
}

/** The list trimmed to the preview span, with noise reduction on or off. */
function previewList(list: EditList, span: Selection, isDenoised: boolean): EditList {
  return {
    ...list,
    ops: [...list.ops, { kind: 'keep', ...span }],
    processing: { ...list.processing, isDenoised },
  }
}

export function DenoiseAB({ list, job, selection, playheadMs, durationMs }: DenoiseABProps) {
  const { t } = useTranslation()
  const [urls, setUrls] = useState<{ a: string; b: string } | null>(null)
  const audio = useRef<HTMLAudioElement | null>(null)
  useEffect(
    () => () => {
      audio.current?.pause()
      if (urls) [urls.a, urls.b].forEach((u) => URL.revokeObjectURL(u))
    },
    [urls],
  )

  const prepare = async () => {
    const startMs = Math.round(Math.min(selection?.startMs ?? playheadMs, Math.max(0, durationMs - 1000)))
    const span = { startMs, endMs: Math.round(Math.min(selection?.endMs ?? startMs + PREVIEW_MS, durationMs)) }
    if (span.endMs <= span.startMs) return
    const pair = await job.run('editor.job.preview', async (o) => {
      const half = (f: number) => o.onProgress?.(f / 2)
      const a = await render(previewList(list, span, false), { kind: 'wav' }, undefined, { ...o, onProgress: half })
      const b = await render(previewList(list, span, true), { kind: 'wav' }, undefined, {
        ...o,
        onProgress: (f) => half(1 + f),
      })
      return { a, b }
    })
    if (!pair) return
    const url = (bytes: Uint8Array) =>
      URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }))
    setUrls({ a: url(pair.a), b: url(pair.b) })
  }
  const play = (url: string) => {
    audio.current?.pause()
    audio.current = new Audio(url)
    void audio.current.play().catch(() => undefined)
  }

  return (
    <Space.Compact>
      <Button disabled={job.isBusy} onClick={() => void prepare()}>
        {t('editor.loudness.prepareAB')}
      </Button>
      {urls && <Button onClick={() => play(urls.a)}>{t('editor.loudness.playA')}</Button>}
      {urls && <Button onClick={() => play(urls.b)}>{t('editor.loudness.playB')}</Button>}
    </Space.Compact>
  )
}
