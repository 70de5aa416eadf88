/**
 * Cài đặt → Người dùng trên máy này: optional local users. With none, roles are off (anyone at the
 * laptop may do anything, still logged); the first one must be an approver. Who is signed in, the
 * sign-in, the list and adding a user.
 */
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../bridge/bridge'
import { AddUserForm } from './AddUserForm'
import { UserList } from './UserList'
import { UserSignIn } from './UserSignIn'
import { useRole } from './useRole'

export function LocalUsersCard() {
  const { t } = useTranslation()
  const { state, setState } = useRole()
  if (!state) return null
  const { current } = state

  return (
    <Card title={t('roles.card.title')} style={{ marginTop: 16 }}>
      {!state.isEnabled && <Alert type="info" showIcon message={t('roles.card.off')} style={{ marginBottom: 16 }} />}
      {current && (
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text>
            {t('roles.card.signedIn', { name: current.name, role: t(`roles.role.${current.role}`) })}
          </Typography.Text>
          <Button onClick={() => void call('roles:signOut', {}).then(setState)}>{t('roles.card.signOut')}</Button>
        </Space>
      )}
      {state.isEnabled && !current && <UserSignIn users={state.users} onSignedIn={setState} />}
      {state.isEnabled && <UserList state={state} onChanged={setState} />}
      <AddUserForm isFirst={!state.isEnabled} onAdded={setState} />
    </Card>
  )
}
