/**
 * Plays one announcement as it airs (its rendition; the source when nothing was edited, or while
 * the rendition is being made, with a note) on its waveform. The waveform is drawn from the stored
 * peaks, and the audio streams from the host by HTTP range, so a long file opens at once without decoding.
 */
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Space } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import WaveSurfer from 'wavesurfer.js'
import type { Announcement } from '../../../shared/model/announcement'
import { call, errorCodeOf } from '../../bridge/bridge'
import { formatClock } from '../../components/format'
import { airAudioOf } from '../../db/queries/renditions'

export interface AnnouncementPlayerProps {
  announcement: Announcement
  mediaBaseUrl: string
}

export function AnnouncementPlayer({ announcement, mediaBaseUrl }: AnnouncementPlayerProps) {
  const { t } = useTranslation()
  const container = useRef<HTMLDivElement>(null)
  const [ws, setWs] = useState<WaveSurfer | null>(null)
  const [playing, setPlaying] = useState(false)
  const [positionMs, setPositionMs] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const air = airAudioOf(announcement)
  const hash = air.state === 'ready' ? air.hash : announcement.mediaHash
  const durationMs = air.state === 'ready' ? air.durationMs : announcement.durationMs

  useEffect(() => {
    const el = container.current
    if (!el) return undefined
    let instance: WaveSurfer | null = null
    let live = true
    call('media:peaks', { hash })
      .then((peaks) => {
        if (!live) return
        instance = WaveSurfer.create({
          container: el,
          height: 96,
          waveColor: '#69b1ff',
          progressColor: '#0958d9',
          url: `${mediaBaseUrl}${hash}.wav`,
          peaks: [Float32Array.from(peaks.peaks)],
          duration: durationMs / 1000,
          normalize: false,
        })
        instance.on('play', () => setPlaying(true))
        instance.on('pause', () => setPlaying(false))
        instance.on('finish', () => setPlaying(false))
        instance.on('timeupdate', (s) => setPositionMs(s * 1000))
        instance.on('error', () => setProblem('errors.playback'))
        setWs(instance)
      })
      .catch((error: unknown) => live && setProblem(`errors.${errorCodeOf(error)}`))
    return () => {
      live = false
      instance?.destroy()
    }
  }, [hash, durationMs, mediaBaseUrl])

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {problem && <Alert type="error" showIcon message={t(problem)} />}
      {air.state === 'not-rendered' && <Alert type="info" showIcon message={t('library.notRendered')} />}
      <div ref={container} role="img" aria-label={t('library.waveform')} />
      <Space>
        <Button
          size="large"
          icon={playing ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
          disabled={!ws}
          onClick={() => void ws?.playPause()}
        >
          {playing ? t('library.pause') : t('library.play')}
        </Button>
        <span aria-label={t('library.position')} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatClock(positionMs)} / {formatClock(durationMs)}
        </span>
      </Space>
    </Space>
  )
}
