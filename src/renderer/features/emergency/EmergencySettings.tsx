/** Cài đặt → Tin khẩn cấp: the countdown between the banner and the first airing (0 = at once). */
import { App, Card, Form, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import { MAX_COUNTDOWN_SEC } from '../../../shared/emergency/bulletin'
import { useCountdownSec, writeCountdownSec } from './emergency-settings'

export function EmergencySettings() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const seconds = useCountdownSec()
  const save = async (value: number | null) => {
    if (value === null || value === seconds) return
    await writeCountdownSec(value)
    void message.success(t('emergency.settings.saved'))
  }
  return (
    <Card title={t('emergency.settings.title')}>
      <Form layout="vertical">
        <Form.Item label={t('emergency.settings.countdown')} extra={t('emergency.settings.countdownHelp')}>
          {seconds === undefined ? null : (
            <InputNumber
              aria-label={t('emergency.settings.countdown')}
              min={0}
              max={MAX_COUNTDOWN_SEC}
              precision={0}
              defaultValue={seconds}
              onBlur={(e) => void save(e.target.value === '' ? null : Number(e.target.value))}
              onPressEnter={(e) => void save(Number((e.target as HTMLInputElement).value))}
            />
          )}
        </Form.Item>
      </Form>
    </Card>
  )
}
