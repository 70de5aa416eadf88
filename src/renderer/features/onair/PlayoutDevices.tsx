/**
 * The playout devices on the Phát sóng screen: the line-in for relays (saved at once; it applies
 * to the next relay). The output device is in Cài đặt, because it applies when the app reopens.
 */
import { App, Card, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePreferences } from '../../app/PreferencesContext'
import { errorCodeOf } from '../../bridge/bridge'
import { LineInSelect } from './LineInSelect'

export function PlayoutDevices() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { prefs, update } = usePreferences()
  if (!prefs) return null
  const save = (lineInDeviceId: string | null) =>
    update({ lineInDeviceId }).then(
      () => void message.success(t('onair.settings.saved')),
      (error: unknown) => void message.error(t(`errors.${errorCodeOf(error)}`)),
    )
  return (
    <Card size="small" title={t('onair.settings.title')}>
      <Form layout="vertical">
        <Form.Item
          label={t('onair.settings.lineIn')}
          extra={t('onair.settings.lineInHelp')}
          style={{ marginBottom: 0 }}
        >
          <LineInSelect value={prefs.lineInDeviceId ?? null} onChange={(id) => void save(id)} />
        </Form.Item>
      </Form>
    </Card>
  )
}
