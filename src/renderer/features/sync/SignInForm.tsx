/** Username + password → the engine signs in with the province; the password is not kept. */
import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSyncStatus } from './useSyncStatus'

interface Credentials {
  username: string
  password: string
}

export function SignInForm({ isDisabled }: { isDisabled: boolean }) {
  const { t } = useTranslation()
  const { sync } = useSyncStatus()
  const [form] = Form.useForm<Credentials>()
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  const signIn = async ({ username, password }: Credentials) => {
    setBusy(true)
    setError(null)
    try {
      const answer = await sync.signIn(username.trim(), password)
      // `minutes`: how long a locked account waits (account-locked carries Retry-After).
      const minutes = Math.max(1, Math.ceil((answer.ok ? 0 : (answer.error.retryAfterMs ?? 0)) / 60_000))
      if (!answer.ok) setError(t(`sync.errors.${answer.error.code}`, { minutes }))
    } finally {
      form.setFieldValue('password', '')
      setBusy(false)
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      disabled={isDisabled}
      onFinish={(v) => void signIn(v)}
    >
      {isDisabled && (
        <Alert type="info" showIcon message={t('sync.settings.needServer')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label={t('sync.settings.username')}
        name="username"
        rules={[{ required: true, message: t('sync.settings.username') }]}
      >
        <Input aria-label={t('sync.settings.username')} autoComplete="username" />
      </Form.Item>
      <Form.Item
        label={t('sync.settings.password')}
        name="password"
        rules={[{ required: true, message: t('sync.settings.password') }]}
      >
        <Input.Password aria-label={t('sync.settings.password')} autoComplete="current-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" loading={isBusy}>
        {t('sync.settings.signIn')}
      </Button>
    </Form>
  )
}
