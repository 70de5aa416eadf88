/** Phát sóng: what is on air, the controls, alerts, and today's as-played log. */
import { App, Col, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EngineSnapshot } from '../../audio/playout/engine-types'
import { EmergencyPanel } from '../emergency/EmergencyPanel'
import { AlertList } from './AlertList'
import { AutoModeSwitch } from './AutoModeSwitch'
import { DeviceHealth } from './DeviceHealth'
import { NowPlaying } from './NowPlaying'
import { OnAirControls } from './OnAirControls'
import { PlayLogTable } from './PlayLogTable'
import { PlayoutDevices } from './PlayoutDevices'
import { TrialPanel } from './TrialPanel'
import { useOnAir } from './useOnAir'

const isOnAir = (snapshot: EngineSnapshot | null): boolean =>
  snapshot?.progress !== null && snapshot?.progress !== undefined && snapshot.progress.phase !== 'done'

export function OnAirPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const onAir = useOnAir()
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('onair.title')}</Typography.Title>
      <AutoModeSwitch />
      <PlayoutDevices />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <NowPlaying snapshot={onAir.snapshot} onStop={onAir.stopOnAir} />
        </Col>
        <Col xs={24} lg={12}>
          <OnAirControls
            announcements={onAir.announcements}
            isReady={onAir.isReady}
            isTalkingOver={onAir.snapshot?.isTalkingOver ?? false}
            onPlayNow={onAir.playNow}
            onTalkOver={onAir.setTalkOver}
          />
        </Col>
      </Row>
      <EmergencyPanel />
      <DeviceHealth />
      <TrialPanel
        isReady={onAir.isReady}
        isOnAir={isOnAir(onAir.snapshot)}
        onTrial={async (date, sessionId) => {
          const isStarted = await onAir.startTrial(date, sessionId, (label) => t('onair.trial.sessionLabel', { label }))
          if (isStarted) void message.success(t('onair.controls.started'))
          else void message.warning(t('onair.trial.nothingThatDay'))
        }}
      />
      <AlertList alerts={onAir.alerts} />
      <PlayLogTable rows={onAir.log} />
    </Space>
  )
}
