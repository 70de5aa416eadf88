/**
 * Cài đặt → Kết nối với tỉnh: the server address (https, or http on this computer only), sign-in
 * with the commune account (the password goes to the province and is never stored), the signed-in
 * commune, sign-out, and one line on how the tokens are protected here.
 */
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { provinceUrlSchema } from '../../../shared/ipc/uploads'
import { errorCodeOf } from '../../bridge/bridge'
import { SignInForm } from './SignInForm'
import { useSyncStatus } from './useSyncStatus'

export function ConnectionSettings() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { sync, view } = useSyncStatus()
  const connection = view.connection
  /** What the officer typed; null until they type (then the stored address shows). */
  const [typed, setTyped] = useState<string | null>(null)
  const [urlError, setUrlError] = useState<string | null>(null)
  const url = typed ?? connection?.serverUrl ?? ''

  const saveServer = async () => {
    const clean = url.trim()
    if (!provinceUrlSchema.safeParse(clean).success) return setUrlError(t('sync.settings.invalidUrl'))
    setUrlError(null)
    try {
      await sync.setServer(clean)
      void message.success(t('sync.settings.serverSaved'))
    } catch (error) {
      void message.error(t(`errors.${errorCodeOf(error)}`))
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sync.settings.title')}
        </Typography.Title>
      }
      style={{ marginTop: 24 }}
    >
      <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={() => void saveServer()}>
        <Form.Item
          label={t('sync.settings.serverUrl')}
          extra={t('sync.settings.serverUrlHelp')}
          validateStatus={urlError ? 'error' : undefined}
          help={urlError ?? undefined}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('sync.settings.serverUrl')}
              value={url}
              placeholder="https://…"
              onChange={(e) => setTyped(e.target.value)}
            />
            <Button htmlType="submit">{t('sync.settings.saveServer')}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {connection?.isSignedIn ? (
        <Space direction="vertical">
          <Alert
            type="success"
            showIcon
            message={t('sync.settings.signedInAs', {
              commune: connection.communeName ?? '',
              username: connection.username ?? '',
            })}
          />
          <Button onClick={() => void sync.signOut()}>{t('sync.settings.signOut')}</Button>
        </Space>
      ) : (
        <SignInForm isDisabled={!view.isConfigured} />
      )}
      {connection && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t(`sync.settings.protection.${connection.protection}`)}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
