/**
 * The officer's controls: DTMF zone codes for the emergency's pre-roll, talk-over, and the big
 * "Phát ngay" with a confirmation (it interrupts whatever is on air). "Phát thử" is TrialPanel.
 */
import { AlertOutlined, AudioOutlined } from '@ant-design/icons'
import { App, Button, Card, Form, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { useGuard } from '../roles/useGuard'
import type { RollCodes } from './trial-session'

const DTMF = /^[0-9A-Da-d*#]{0,16}$/

export interface OnAirControlsProps {
  announcements: readonly Announcement[]
  isReady: boolean
  isTalkingOver: boolean
  onPlayNow: (announcementId: string, codes: RollCodes) => Promise<void>
  onTalkOver: (isOn: boolean) => Promise<void>
}

export function OnAirControls(p: OnAirControlsProps) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const guard = useGuard()
  const [codes, setCodes] = useState<RollCodes>({ dtmfOn: '', dtmfOff: '' })
  const [emergencyId, setEmergencyId] = useState<string | null>(null)
  const isValid = DTMF.test(codes.dtmfOn) && DTMF.test(codes.dtmfOff)
  const failed = (): void => void message.error(t('onair.alerts.engine-failed'))

  const playNow = () => {
    const chosen = p.announcements.find((a) => a.id === emergencyId)
    if (!chosen) return
    void modal.confirm({
      title: t('onair.controls.playNowConfirmTitle'),
      content: t('onair.controls.playNowConfirm', { title: chosen.title }),
      okText: t('onair.controls.playNowOk'),
      okButtonProps: { danger: true },
      cancelText: t('onair.controls.cancel'),
      onOk: () =>
        guard('play-now', { kind: 'announcement', id: chosen.id, label: chosen.title }, () =>
          p.onPlayNow(chosen.id, codes),
        ).catch(failed),
    })
  }

  const codeField = (key: keyof RollCodes, label: string) => (
    <Form.Item
      label={label}
      validateStatus={DTMF.test(codes[key]) ? '' : 'error'}
      help={DTMF.test(codes[key]) ? undefined : t('onair.controls.dtmfInvalid')}
    >
      <Input
        aria-label={label}
        value={codes[key]}
        placeholder="*007#1"
        onChange={(e) => setCodes((c) => ({ ...c, [key]: e.target.value.trim().toUpperCase() }))}
      />
    </Form.Item>
  )

  return (
    <Card title={t('onair.controls.title')}>
      <Form layout="vertical">
        <Space wrap>
          {codeField('dtmfOn', t('onair.controls.dtmfOn'))}
          {codeField('dtmfOff', t('onair.controls.dtmfOff'))}
        </Space>
        <Space wrap size="large">
          <Button
            icon={<AudioOutlined />}
            type={p.isTalkingOver ? 'primary' : 'default'}
            disabled={!p.isReady}
            onClick={() => p.onTalkOver(!p.isTalkingOver).catch(failed)}
          >
            {p.isTalkingOver ? t('onair.controls.talkOverStop') : t('onair.controls.talkOver')}
          </Button>
        </Space>
        <Space wrap style={{ marginTop: 24 }}>
          <Select
            aria-label={t('onair.controls.emergencyItem')}
            placeholder={t('onair.controls.emergencyPick')}
            style={{ minWidth: 280 }}
            value={emergencyId}
            onChange={setEmergencyId}
            options={p.announcements.map((a) => ({ value: a.id, label: a.title }))}
          />
          <Button
            danger
            type="primary"
            size="large"
            icon={<AlertOutlined />}
            disabled={!p.isReady || !isValid || emergencyId === null}
            onClick={playNow}
          >
            {t('onair.controls.playNow')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}
