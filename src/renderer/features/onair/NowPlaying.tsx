/**
 * What is on air now and next, with elapsed and remaining time (ticking four times a second), and
 * "Dừng": a trial stops at once; a scheduled session after a confirmation. Either way the item on
 * air is cut, the rest is logged skipped, and the session's post-roll switches the hardware off.
 */
import { StopOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Progress, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EngineSnapshot } from '../../audio/playout/engine-types'
import { formatClock } from '../../components/format'

export interface NowPlayingProps {
  snapshot: EngineSnapshot | null
  onStop: () => Promise<void>
}

export function NowPlaying({ snapshot, onStop }: NowPlayingProps) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const [nowMs, setNowMs] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const progress = snapshot?.progress ?? null
  const current = progress?.phase === 'playing' ? progress.current : null
  const elapsed = current ? Math.max(0, nowMs - current.startMs) : 0
  const length = current ? current.endMs - current.startMs : 0
  const isOnAir = progress !== null && progress.phase !== 'done'
  const isStopping = progress?.phase === 'post-roll'

  const stop = () => {
    const run = () => onStop().catch(() => void message.error(t('onair.alerts.engine-failed')))
    if (snapshot?.isTrial) return void run()
    modal.confirm({
      title: t('onair.stop.confirmTitle'),
      content: t('onair.stop.confirm', { label: progress?.label ?? '' }),
      okText: t('onair.stop.button'),
      okButtonProps: { danger: true },
      cancelText: t('onair.controls.cancel'),
      onOk: run,
    })
  }

  return (
    <Card
      title={t('onair.now.title')}
      aria-label={t('onair.now.title')}
      extra={
        isOnAir && (
          <Button danger icon={<StopOutlined />} loading={isStopping} onClick={stop}>
            {t('onair.stop.button')}
          </Button>
        )
      }
    >
      {snapshot?.isEmergency && <Tag color="red">{t('onair.controls.emergencyOnAir')}</Tag>}
      {snapshot?.isTrial && isOnAir && <Tag color="blue">{t('onair.trial.onAir')}</Tag>}
      {!progress || progress.phase === 'done' ? (
        <Typography.Text type="secondary">{t('onair.now.idle')}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('onair.now.session')}>
            {progress.label} — <span data-testid="onair-phase">{t(`onair.phase.${progress.phase}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('onair.now.title')}>
            <Typography.Text strong aria-label={t('onair.now.title')}>
              {current?.item.title ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          {current && (
            <Descriptions.Item label={t('onair.now.elapsed')}>
              {formatClock(Math.min(elapsed, length))} / {t('onair.now.remaining')}{' '}
              {formatClock(Math.max(0, length - elapsed))}
              <Progress
                percent={Math.round((100 * Math.min(elapsed, length)) / Math.max(1, length))}
                showInfo={false}
              />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('onair.now.next')}>
            {progress.next?.item.title ?? t('onair.now.nothingNext')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  )
}
