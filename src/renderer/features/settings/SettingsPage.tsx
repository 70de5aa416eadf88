/**
 * Cài đặt: language, recording guard, update feed (each change saved at once by the host), the
 * link with the province, and where the province's sessions land among the station's.
 */
import { App, Card, Form, Input, InputNumber, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/ipc/app'
import { isHttpsFeed } from '../../../shared/ipc/settings'
import { usePreferences } from '../../app/PreferencesContext'
import { errorCodeOf } from '../../bridge/bridge'
import { EmergencySettings } from '../emergency/EmergencySettings'
import { switchLanguage } from '../../i18n/i18n'
import { LoudnessSettings } from '../import/LoudnessSettings'
import { LineInSelect } from '../onair/LineInSelect'
import { OutputDeviceSelect } from '../onair/OutputDeviceSelect'
import { LocalUsersCard } from '../roles/LocalUsersCard'
import { ProvinceSessionMapping } from '../schedule/ProvinceSessionMapping'
import { ConnectionSettings } from '../sync/ConnectionSettings'

export function SettingsPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { prefs, update } = usePreferences()
  if (!prefs) return null

  const save = (patch: Parameters<typeof update>[0]) =>
    update(patch).then(
      // i18n.t, not t: after a language switch, t still speaks the language the screen was drawn in.
      () => void message.success(i18n.t('settings.saved')),
      (error: unknown) => void message.error(i18n.t(`errors.${errorCodeOf(error)}`)),
    )

  const onLanguage = async (language: Language) => {
    await switchLanguage(language)
    await save({ language })
  }

  return (
    <>
      <Typography.Title level={2}>{t('settings.title')}</Typography.Title>
      <Card>
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('settings.language')}>
            <Radio.Group
              aria-label={t('settings.language')}
              value={prefs.language}
              onChange={(e) => void onLanguage(e.target.value as Language)}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.maxRecordingMinutes')}>
            <InputNumber
              aria-label={t('settings.maxRecordingMinutes')}
              min={1}
              max={240}
              value={prefs.maxRecordingMinutes}
              onChange={(v) => v !== null && void save({ maxRecordingMinutes: v })}
            />
          </Form.Item>
          <Form.Item label={t('settings.minRecordingSeconds')} extra={t('settings.minRecordingSecondsHelp')}>
            <InputNumber
              aria-label={t('settings.minRecordingSeconds')}
              min={0}
              max={30}
              step={0.5}
              decimalSeparator={i18n.language === 'en' ? '.' : ','}
              value={prefs.minRecordingSeconds}
              onChange={(v) => v !== null && void save({ minRecordingSeconds: v })}
            />
          </Form.Item>
          <Form.Item label={t('onair.settings.outputDevice')} extra={t('onair.settings.outputDeviceHelp')}>
            <OutputDeviceSelect
              value={prefs.outputDeviceId}
              onChange={(outputDeviceId) => void save({ outputDeviceId })}
            />
          </Form.Item>
          <Form.Item label={t('onair.settings.lineIn')} extra={t('onair.settings.lineInHelp')}>
            <LineInSelect
              value={prefs.lineInDeviceId ?? null}
              onChange={(lineInDeviceId) => void save({ lineInDeviceId })}
            />
          </Form.Item>
          <Form.Item label={t('settings.updateFeedUrl')} extra={t('settings.updateFeedUrlHelp')}>
            <Input
              aria-label={t('settings.updateFeedUrl')}
              defaultValue={prefs.updateFeedUrl ?? ''}
              placeholder="https://…"
              onBlur={(e) => {
                const url = e.target.value.trim()
                // Refused here with a message; the host refuses it too (settings:update, the updater).
                if (url && !isHttpsFeed(url)) return void message.error(t('settings.updateFeedHttpsOnly'))
                void save({ updateFeedUrl: url || null })
              }}
            />
          </Form.Item>
          <LoudnessSettings prefs={prefs} save={save} />
        </Form>
      </Card>
      <ConnectionSettings />
      <EmergencySettings />
      <ProvinceSessionMapping />
      <LocalUsersCard />
    </>
  )
}
