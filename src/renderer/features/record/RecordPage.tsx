/** Thu âm: choose the microphone, watch the level, record / pause / resume / stop. */
import { App, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredWavInfo } from '../../../shared/ipc/media'
import type { InterruptedRecording } from '../../../shared/ipc/recording'
import { usePreferences } from '../../app/PreferencesContext'
import { errorCodeOf } from '../../bridge/bridge'
import { formatClock, formatDateTime } from '../../components/format'
import { LevelMeter } from './LevelMeter'
import { MicrophoneSelect } from './MicrophoneSelect'
import { RecordAlerts } from './RecordAlerts'
import { RecoveryPanel } from './RecoveryPanel'
import { UnfiledMediaPanel } from './UnfiledMediaPanel'
import { useInterruptedRecordings } from './useInterruptedRecordings'
import { useMicrophone } from './useMicrophone'
import { useRecording } from './useRecording'
import { useUnfiledMedia } from './useUnfiledMedia'

export function RecordPage({ onSaved }: { onSaved: () => void }) {
  const { t, i18n } = useTranslation()
  const { message, modal } = App.useApp()
  const { prefs, update } = usePreferences()
  const interrupted = useInterruptedRecordings()
  const refreshInterrupted = useCallback(() => void interrupted.refresh().catch(() => undefined), [interrupted])
  const rec = useRecording(refreshInterrupted, prefs?.minRecordingSeconds ?? 1)
  const unfiled = useUnfiledMedia()
  const mic = useMicrophone(prefs ? prefs.microphoneId : null)
  const [title, setTitle] = useState('')
  const phase = rec.status?.phase
  const active = phase === 'recording' || phase === 'paused' || phase === 'stopping'
  // After a failure the clock shows what was saved (and is offered back), not what was captured.
  const shownSamples = phase === 'failed' ? rec.status?.savedSampleCount : rec.status?.sampleCount
  const elapsedMs = rec.status && rec.status.sampleRate > 0 ? ((shownSamples ?? 0) / rec.status.sampleRate) * 1000 : 0

  const defaultTitle = (): string =>
    t('record.defaultTitle', { date: formatDateTime(new Date().toISOString(), i18n.language) })

  const onStop = async () => {
    const saved = await rec.stop(title.trim() || defaultTitle())
    if (saved) {
      void message.success(t('record.saved', { title: saved.title }))
      setTitle('')
      onSaved()
    }
  }

  const onRecover = (item: InterruptedRecording) =>
    void interrupted.recover(item.id, defaultTitle()).then(
      () => message.success(t('recovery.recovered')),
      (error: unknown) => message.error(t(`errors.${errorCodeOf(error)}`)),
    )

  const onFileUnfiled = (item: StoredWavInfo) =>
    void unfiled.file(item, t('unfiled.defaultTitle', { date: formatDateTime(item.modifiedAt, i18n.language) })).then(
      () => message.success(t('unfiled.filed')),
      (error: unknown) => message.error(t(`errors.${errorCodeOf(error)}`)),
    )

  const onDeleteUnfiled = (item: StoredWavInfo) =>
    modal.confirm({
      title: t('unfiled.confirmDelete'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => unfiled.remove(item.hash),
    })

  const onDiscard = (item: InterruptedRecording) =>
    modal.confirm({
      title: t('recovery.confirmDiscard'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => interrupted.discard(item.id),
    })

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('record.title')}</Typography.Title>
      <RecoveryPanel
        items={interrupted.items.filter((i) => i.id !== rec.liveId)}
        onRecover={onRecover}
        onDiscard={onDiscard}
      />
      <UnfiledMediaPanel items={unfiled.items} onFile={onFileUnfiled} onDelete={onDeleteUnfiled} />
      <RecordAlerts
        status={rec.status}
        problem={rec.problem}
        microphoneProblem={mic.problem}
        onCloseProblem={rec.clearProblem}
      />
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('record.microphone')}>
            <MicrophoneSelect
              value={prefs?.microphoneId ?? null}
              onChange={(id) => void update({ microphoneId: id })}
              disabled={active}
            />
          </Form.Item>
          <Form.Item label={t('record.titleLabel')}>
            <Input
              aria-label={t('record.titleLabel')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('record.titlePlaceholder')}
              maxLength={300}
              style={{ maxWidth: 560 }}
            />
          </Form.Item>
        </Form>
        <LevelMeter peak={mic.level.peak} isClipping={mic.level.isClipping} />
        <Typography.Text
          aria-label={t('record.elapsed')}
          // Counters for diagnostics and the recording benchmark: frames the capture saw,
          // samples accepted for the file, samples the host confirmed written.
          data-frames-seen={rec.status?.framesSeen ?? 0}
          data-sample-count={rec.status?.sampleCount ?? 0}
          data-saved-sample-count={rec.status?.savedSampleCount ?? 0}
          data-sample-rate={rec.status?.sampleRate ?? 0}
          style={{ fontSize: 40, fontVariantNumeric: 'tabular-nums', display: 'block', margin: '16px 0' }}
        >
          {formatClock(elapsedMs)}
        </Typography.Text>
        <Space size="middle">
          {!active && (
            <Button
              type="primary"
              size="large"
              danger
              loading={rec.busy}
              disabled={!mic.source}
              onClick={() => mic.source && void rec.start(mic.source, title, prefs?.maxRecordingMinutes ?? 60)}
            >
              {t('record.start')}
            </Button>
          )}
          {phase === 'recording' && (
            <Button size="large" onClick={rec.pause}>
              {t('record.pause')}
            </Button>
          )}
          {phase === 'paused' && (
            <Button size="large" onClick={rec.resume}>
              {t('record.resume')}
            </Button>
          )}
          {active && (
            <Button
              size="large"
              type="primary"
              loading={rec.busy || phase === 'stopping'}
              onClick={() => void onStop()}
            >
              {t('record.stop')}
            </Button>
          )}
        </Space>
        {phase && (
          <Typography.Paragraph style={{ marginTop: 12 }} aria-live="polite">
            {t(`record.phase.${phase}`)}
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  )
}
