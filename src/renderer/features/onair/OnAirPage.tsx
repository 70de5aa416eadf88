/** Phát sóng: what is on air, the controls, alerts, and today's as-played log. */
import { Col, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AlertList } from './AlertList'
import { AutoModeSwitch } from './AutoModeSwitch'
import { DeviceHealth } from './DeviceHealth'
import { NowPlaying } from './NowPlaying'
import { OnAirControls } from './OnAirControls'
import { PlayLogTable } from './PlayLogTable'
import { PlayoutDevices } from './PlayoutDevices'
import { useOnAir } from './useOnAir'

export function OnAirPage() {
  const { t } = useTranslation()
  const onAir = useOnAir()
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('onair.title')}</Typography.Title>
      <AutoModeSwitch />
      <PlayoutDevices />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <NowPlaying snapshot={onAir.snapshot} />
        </Col>
        <Col xs={24} lg={12}>
          <OnAirControls
            announcements={onAir.announcements}
            isReady={onAir.isReady}
            isTalkingOver={onAir.snapshot?.isTalkingOver ?? false}
            onTrial={(codes) => onAir.startTrial(codes, t('onair.controls.trialLabel'))}
            onPlayNow={onAir.playNow}
            onTalkOver={onAir.setTalkOver}
          />
        </Col>
      </Row>
      <DeviceHealth />
      <AlertList alerts={onAir.alerts} />
      <PlayLogTable rows={onAir.log} />
    </Space>
  )
}
