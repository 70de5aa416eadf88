/**
 * Âm lượng và chất lượng: loudness (LUFS), true peak and duration of the edited take measured by
 * the audio pipeline, its warnings, one-click "Chuẩn hóa âm lượng" to the station's target, noise
 * reduction with A/B, and export. Before a measurement, long silent ends are found from the peaks.
 */
import { Alert, Button, Card, Descriptions, Space, Switch } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditList } from '../../../shared/editor/edit-list'
import { DEFAULT_LOUDNESS, loudnessWarnings, type LoudnessMeasurement } from '../../../shared/editor/loudness'
import { blockMs } from '../../../shared/editor/peaks-map'
import { silentEnds, trimSpan } from '../../../shared/editor/silent-ends'
import { usePreferences } from '../../app/PreferencesContext'
import { measure, normalize } from '../../audio/ffmpeg'
import { formatNumber } from '../../components/format'
import { DenoiseAB } from './DenoiseAB'
import { ExportButtons } from './ExportButtons'
import { formatPrecise } from './format-precise'
import { JobProgress } from './JobProgress'
import { LoudnessWarnings } from './LoudnessWarnings'
import { useAudioJob } from './useAudioJob'
import type { EditorModel } from './useEditor'

export function LoudnessPanel({ editor, playheadMs }: { editor: EditorModel; playheadMs: number }) {
  const { t, i18n } = useTranslation()
  const { prefs } = usePreferences()
  const target = prefs?.loudness ?? DEFAULT_LOUDNESS
  const job = useAudioJob()
  const [measured, setMeasured] = useState<{ list: EditList; m: LoudnessMeasurement } | null>(null)
  const { peaks, editedPeaks, durationMs, list } = editor
  const ends = useMemo(
    () => (peaks && editedPeaks ? silentEnds(editedPeaks, blockMs(peaks)) : null),
    [peaks, editedPeaks],
  )
  if (!list) return null
  const isCurrent = measured?.list === list
  const peakTrim = ends ? trimSpan(ends, durationMs) : null
  const num = (v: number) => formatNumber(v, 1)

  const doMeasure = async (l: EditList) => {
    const m = await job.run('editor.job.measure', (o) => measure(l, { ...o, isNormalized: true }))
    if (m) setMeasured({ list: l, m })
  }
  const doNormalize = async () => {
    const r = await job.run('editor.job.normalize', (o) => normalize(list, target, o))
    if (!r) return
    const next = { ...list, processing: r.processing }
    editor.change((l) => (l === list ? next : { ...l, processing: r.processing }))
    // The normalisation measured its own rendering at the final gain: that is the take now.
    setMeasured({ list: next, m: r.trial })
  }
  const setDenoised = (isDenoised: boolean) =>
    editor.change((l) => ({ ...l, processing: { ...l.processing, isDenoised } }))

  return (
    <Card size="small" title={t('editor.loudness.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {measured && (
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('editor.loudness.integrated')}>
              <span aria-label={t('editor.loudness.integrated')}>{num(measured.m.integratedLufs)} LUFS</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('editor.loudness.truePeak')}>
              <span aria-label={t('editor.loudness.truePeak')}>{num(measured.m.truePeakDbtp)} dBTP</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('editor.loudness.duration')}>
              {formatPrecise(measured.m.durationMs, i18n.language)}
            </Descriptions.Item>
          </Descriptions>
        )}
        {measured && !isCurrent && <Alert type="info" showIcon message={t('editor.loudness.stale')} />}
        {measured && (
          <LoudnessWarnings warnings={loudnessWarnings(measured.m, target)} canTrim={isCurrent} onTrim={editor.edit} />
        )}
        {!measured && ends && peakTrim && (
          <Alert
            type="warning"
            showIcon
            message={t('editor.loudness.silentEnds', {
              leading: formatPrecise(ends.leadingMs, i18n.language),
              trailing: formatPrecise(ends.trailingMs, i18n.language),
            })}
            action={
              <Button size="small" onClick={() => editor.edit({ kind: 'keep', ...peakTrim })}>
                {t('editor.loudness.trimSilence')}
              </Button>
            }
          />
        )}
        <Space wrap>
          <Button disabled={job.isBusy} onClick={() => void doMeasure(list)}>
            {t('editor.loudness.measure')}
          </Button>
          <Button type="primary" disabled={job.isBusy} onClick={() => void doNormalize()}>
            {t('editor.loudness.normalize')}
          </Button>
          {list.processing.normalizeGainDb !== 0 && (
            <span>{t('editor.loudness.normalizedBy', { db: num(list.processing.normalizeGainDb) })}</span>
          )}
          <Space>
            <Switch
              checked={list.processing.isDenoised}
              onChange={setDenoised}
              aria-label={t('editor.loudness.denoise')}
            />
            <span>{t('editor.loudness.denoise')}</span>
          </Space>
          <DenoiseAB
            list={list}
            job={job}
            selection={editor.selection}
            playheadMs={playheadMs}
            durationMs={durationMs}
          />
          <ExportButtons list={list} job={job} announcement={editor.announcement} />
        </Space>
        <JobProgress job={job} />
      </Space>
    </Card>
  )
}
