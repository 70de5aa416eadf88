/**
 * The full-screen emergency banner, over every screen: a new bulletin's title, issue time,
 * repeats and zones, and the countdown to its first airing ("Tự động phát trên loa sau 97 giây");
 * then "Đang phát trên loa" or the next airing's time. "Đã biết" closes it (the repeats go on);
 * "Dừng tin này" (confirmed) ends the airing on air with its post-roll and every repeat.
 * Also starts the emergency flow for the window (useEmergencyFlow).
 */
import { App, Button, Space, Tag, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appDatabase } from '../../db/database'
import { acknowledgeEmergency, listEmergencies, stopEmergency } from '../../db/queries/emergencies'
import type { FlowDeps } from './emergency-flow'
import { readCountdownSec } from './emergency-settings'
import { bannerRecord, detailLines, nextText } from './emergency-view'
import { runningEmergencyFlow, useEmergencyFlow } from './useEmergencyFlow'

const overlay: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 2000,
  background: '#820014',
  color: '#fff',
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'center',
  alignItems: 'center',
  padding: 48,
  textAlign: 'center',
}
const white: React.CSSProperties = { color: '#fff', margin: 0 }

export function EmergencyBanner() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const onError = useCallback<FlowDeps['onError']>(
    (error) => {
      console.error('emergency: flow failed', error)
      void message.error(t('emergency.alerts.failed'))
    },
    [message, t],
  )
  const onAlert = useCallback<FlowDeps['onAlert']>(
    (alert) => {
      if (alert.kind === 'emergency-no-audio') void message.error(t('emergency.alerts.noAudio', { title: alert.title }))
    },
    [message, t],
  )
  useEmergencyFlow(onError, onAlert)
  const records = useLiveQuery(() => listEmergencies(appDatabase()), [])
  const countdownSec = useLiveQuery(readCountdownSec, [])
  const [nowMs, setNowMs] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const airingId = runningEmergencyFlow()?.airingId() ?? null
  const shown = records && countdownSec !== undefined ? bannerRecord(records, countdownSec * 1000, airingId) : null
  if (!shown) return null
  const { record, phase } = shown

  const stop = () =>
    modal.confirm({
      title: t('emergency.banner.stopConfirmTitle'),
      content: t('emergency.banner.stopConfirm', { title: record.title }),
      okText: t('emergency.banner.stopOk'),
      okButtonProps: { danger: true },
      zIndex: 2100,
      onOk: async () => {
        await stopEmergency(appDatabase(), record.id, Date.now())
        await runningEmergencyFlow()?.stopAiring(record.id)
        void message.success(t('emergency.banner.stopped', { title: record.title }))
      },
    })

  const state =
    airingId === record.id
      ? t('emergency.banner.onAir')
      : phase.kind === 'countdown'
        ? t('emergency.banner.countdown', { seconds: Math.max(0, Math.ceil((phase.dueMs - nowMs) / 1000)) })
        : t('emergency.banner.next', { time: nextText(phase) ?? '—' })
  return (
    <div role="alertdialog" aria-modal="true" aria-label={t('emergency.banner.label')} style={overlay}>
      <Space direction="vertical" size="large" style={{ maxWidth: 900 }}>
        <Tag color="gold">{t(`emergency.origin.${record.origin}`)}</Tag>
        <Typography.Title level={1} style={white}>
          {t('emergency.banner.heading')}
        </Typography.Title>
        <Typography.Title level={2} style={white}>
          {record.title}
        </Typography.Title>
        <Typography.Title level={3} style={white} data-testid="emergency-state">
          {state}
        </Typography.Title>
        {detailLines(t, record).map((line) => (
          <Typography.Paragraph key={line} style={{ ...white, fontSize: 18 }}>
            {line}
          </Typography.Paragraph>
        ))}
        <Space size="large">
          <Button size="large" onClick={() => void acknowledgeEmergency(appDatabase(), record.id, Date.now())}>
            {t('emergency.banner.acknowledge')}
          </Button>
          <Button size="large" danger type="primary" onClick={stop}>
            {t('emergency.banner.stop')}
          </Button>
        </Space>
      </Space>
    </div>
  )
}
