/**
 * "Xuất MP3" / "Xuất WAV" for an edit list: renders it (edits, denoise, normalisation) with
 * progress and cancel, keeps the MP3 in the media store (the upload format) and saves the file
 * under the announcement's title. The editor places these next to its loudness tools.
 */
import { App, Button, Progress, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EditList } from '../../../shared/editor/edit-list'
import type { ExportTags } from '../../../shared/editor/render-graph'
import type { StoredMedia } from '../../../shared/ipc/media'
import { usePreferences } from '../../app/PreferencesContext'
import { downloadBytes, exportFileName, JobCancelledError, render, storeRendered } from '../../audio/ffmpeg'
import { useAudioJob } from './useAudioJob'

export interface ExportButtonsProps {
  title: string
  editList: EditList
  tags?: ExportTags
  /** Called with the stored MP3 (e.g. to record it on the announcement for upload). */
  onStored?: (media: StoredMedia) => void
}

export function ExportButtons({ title, editList, tags, onStored }: ExportButtonsProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { prefs } = usePreferences()
  const job = useAudioJob()

  const exportAs = async (kind: 'mp3' | 'wav') => {
    const format = kind === 'mp3' ? { kind, bitrateKbps: prefs?.mp3BitrateKbps ?? 96 } : { kind }
    try {
      const bytes = await job.run((o) => render(editList, format, { title, ...tags }, o))
      if (kind === 'mp3') onStored?.(await storeRendered(bytes))
      const file = exportFileName(title, kind)
      downloadBytes(bytes, file)
      void message.success(t('audio.export.done', { file }))
    } catch (error) {
      if (!(error instanceof JobCancelledError)) void message.error(t('audio.export.failed'))
    }
  }

  if (job.progress !== null) {
    return (
      <Space>
        <Progress
          type="circle"
          size={32}
          percent={Math.round(job.progress * 100)}
          aria-label={t('audio.export.progress')}
        />
        <Button onClick={job.cancel}>{t('audio.export.cancel')}</Button>
      </Space>
    )
  }
  return (
    <Space>
      <Button type="primary" onClick={() => void exportAs('mp3')}>
        {t('audio.export.mp3')}
      </Button>
      <Button onClick={() => void exportAs('wav')}>{t('audio.export.wav')}</Button>
    </Space>
  )
}
