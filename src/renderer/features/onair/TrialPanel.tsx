/**
 * "Phát thử buổi này": the officer picks a day and one of its sessions, sees exactly what it will
 * play (the rundown automatic playout would play), and plays it now with the session's own device
 * steps. A trial is logged as a trial: not a broadcast, never sent to the province, never in a
 * report. The "Dừng" button is on the Đang phát card (NowPlaying).
 */
import { PlayCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, List, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localDateAt, type LocalDate } from '../../../shared/onair/station-time'
import { LocalDateInput } from '../../components/LocalDateInput'
import { formatDuration } from '../../components/format'
import { stationClock } from '../schedule/format-time'
import { useTrialSessions } from './useTrialSessions'

export interface TrialPanelProps {
  isReady: boolean
  /** something is on air (a trial waits for nothing: it is refused until the air is free) */
  isOnAir: boolean
  onTrial: (date: LocalDate, sessionId: string) => Promise<void>
}

export function TrialPanel({ isReady, isOnAir, onTrial }: TrialPanelProps) {
  const { t } = useTranslation()
  const [date, setDate] = useState<LocalDate>(() => localDateAt(Date.now()))
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [isStarting, setStarting] = useState(false)
  const planned = useTrialSessions(date)
  const chosen = planned?.find((p) => p.template.id === sessionId) ?? null
  const items = chosen?.rundown.items ?? []
  const hasNoDevices = chosen !== null && chosen.rundown.preRoll.length === 0 && chosen.rundown.rds === null

  const start = () => {
    if (!chosen) return
    setStarting(true)
    void onTrial(date, chosen.template.id).finally(() => setStarting(false))
  }

  return (
    <Card title={t('onair.trial.title')}>
      <Typography.Paragraph type="secondary">{t('onair.trial.help')}</Typography.Paragraph>
      <Form layout="vertical">
        <Space wrap align="end">
          <Form.Item label={t('onair.trial.date')}>
            <LocalDateInput
              aria-label={t('onair.trial.date')}
              value={date}
              onChange={(d) => d && setDate(d)}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item label={t('onair.trial.session')}>
            <Select
              aria-label={t('onair.trial.session')}
              placeholder={t('onair.trial.sessionPick')}
              style={{ minWidth: 260 }}
              loading={planned === null}
              value={chosen ? sessionId : null}
              onChange={setSessionId}
              options={(planned ?? []).map((p) => ({
                value: p.template.id,
                label: t('onair.trial.option', {
                  label: p.template.label,
                  start: p.template.start,
                  count: p.rundown.items.length,
                }),
                disabled: p.rundown.items.length === 0,
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={isStarting}
              disabled={!isReady || isOnAir || items.length === 0}
              onClick={start}
            >
              {t('onair.controls.trial')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {planned !== null && planned.every((p) => p.rundown.items.length === 0) && (
        <Alert type="info" showIcon message={t('onair.trial.nothingThatDay')} />
      )}
      {hasNoDevices && <Alert type="warning" showIcon message={t('onair.trial.noDevices')} />}
      {items.length > 0 && (
        <List
          aria-label={t('onair.trial.items')}
          size="small"
          header={t('onair.trial.items')}
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Typography.Text>
                {stationClock(item.plannedStartMs)} · {item.title || t('schedule.silenceTitle')} (
                {formatDuration(item.durationMs)})
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
