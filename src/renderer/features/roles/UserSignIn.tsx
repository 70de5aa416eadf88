/** Đăng nhập on this laptop: pick a name, type the PIN. */
import { Alert, Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalUser, RolesState } from '../../../shared/ipc/roles'
import { call } from '../../bridge/bridge'
import { refusalText } from './role-text'

export function UserSignIn({ users, onSignedIn }: { users: LocalUser[]; onSignedIn(state: RolesState): void }) {
  const { t } = useTranslation()
  const [userId, setUserId] = useState<string | null>(users[0]?.id ?? null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)

  const signIn = async () => {
    if (!userId) return
    const answer = await call('roles:signIn', { userId, pin })
    setPin('')
    if (answer.ok) {
      setError(null)
      onSignedIn(answer.state)
    } else setError(refusalText(t, answer, 'approve', null))
  }

  return (
    <Form layout="inline" onFinish={() => void signIn()} style={{ marginBottom: 16 }}>
      <Form.Item label={t('roles.card.user')}>
        <Select
          aria-label={t('roles.card.user')}
          style={{ minWidth: 200 }}
          value={userId}
          onChange={setUserId}
          options={users.map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.role.${u.role}`)})` }))}
        />
      </Form.Item>
      <Form.Item label={t('roles.pin')}>
        <Input.Password
          aria-label={t('roles.pin')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!userId || !/^\d{4,8}$/.test(pin)}>
        {t('roles.card.signIn')}
      </Button>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8, width: '100%' }} />}
    </Form>
  )
}
