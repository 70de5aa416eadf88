/** What is on air now and next, with elapsed and remaining time (ticking four times a second). */
import { Card, Descriptions, Progress, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EngineSnapshot } from '../../audio/playout/engine-types'
import { formatClock } from '../../components/format'

export function NowPlaying({ snapshot }: { snapshot: EngineSnapshot | null }) {
  const { t } = useTranslation()
  const [nowMs, setNowMs] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const progress = snapshot?.progress ?? null
  const current = progress?.phase === 'playing' ? progress.current : null
  const elapsed = current ? Math.max(0, nowMs - current.startMs) : 0
  const length = current ? current.endMs - current.startMs : 0

  return (
    <Card title={t('onair.now.title')} aria-label={t('onair.now.title')}>
      {snapshot?.isEmergency && <Tag color="red">{t('onair.controls.emergencyOnAir')}</Tag>}
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
