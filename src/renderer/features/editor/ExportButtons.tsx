/** "Xuất MP3" (the upload format: mono 44.1 kHz CBR at the station's bit rate, ID3 tags) and "Xuất WAV". */
import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EditList } from '../../../shared/editor/edit-list'
import type { ExportTags, OutputFormat } from '../../../shared/editor/render-graph'
import type { Announcement } from '../../../shared/model/announcement'
import { usePreferences } from '../../app/PreferencesContext'
import { downloadBytes, exportFileName, render } from '../../audio/ffmpeg'
import { stationDateTag } from '../../audio/ffmpeg/station-tags'
import type { AudioJob } from './useAudioJob'

/**
 * ID3 TLAN wants an ISO 639-2 code: Vietnamese and Khmer have their /B codes; the minority
 * languages' ISO 639-3 codes (already three letters) are written as they are.
 */
const id3Language = (tag: string): string => ({ vi: 'vie', km: 'khm' })[tag] ?? (tag.length === 3 ? tag : 'und')

function tagsOf(a: Announcement): ExportTags {
  return { title: a.title, date: stationDateTag(Date.now()), language: id3Language(a.language) }
}

export interface ExportButtonsProps {
  list: EditList
  job: AudioJob
  announcement: Announcement | null
}

export function ExportButtons({ list, job, announcement }: ExportButtonsProps) {
  const { t } = useTranslation()
  const { prefs } = usePreferences()
  const exportAs = async (kind: 'mp3' | 'wav') => {
    if (!announcement) return
    const format: OutputFormat = kind === 'mp3' ? { kind, bitrateKbps: prefs?.mp3BitrateKbps ?? 96 } : { kind }
    const bytes = await job.run(`editor.job.export.${kind}`, (o) => render(list, format, tagsOf(announcement), o))
    if (bytes) downloadBytes(bytes, exportFileName(announcement.title, kind))
  }
  return (
    <>
      <Button icon={<DownloadOutlined />} disabled={job.isBusy} onClick={() => void exportAs('mp3')}>
        {t('editor.export.mp3')}
      </Button>
      <Button icon={<DownloadOutlined />} disabled={job.isBusy} onClick={() => void exportAs('wav')}>
        {t('editor.export.wav')}
      </Button>
    </>
  )
}
