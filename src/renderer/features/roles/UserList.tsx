/** The laptop's users, each with its role; an approver signed in may remove one. */
import { App, Button, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LocalUser, RolesState } from '../../../shared/ipc/roles'
import { call, errorCodeOf } from '../../bridge/bridge'
import { refusalText } from './role-text'

const roleColor = { approver: 'green', officer: 'blue', viewer: 'default' } as const

export function UserList({ state, onChanged }: { state: RolesState; onChanged(state: RolesState): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()

  const remove = async (user: LocalUser) => {
    try {
      const answer = await call('roles:removeUser', { id: user.id })
      if (answer.ok) onChanged(answer.state)
      else void message.error(refusalText(t, answer, 'manage-users', state.current))
    } catch (error) {
      void message.error(
        errorCodeOf(error) === 'conflict' ? t('roles.card.lastApprover') : t(`errors.${errorCodeOf(error)}`),
      )
    }
  }

  return (
    <Table<LocalUser>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={state.users}
      style={{ marginBottom: 16 }}
      columns={[
        { title: t('roles.card.name'), dataIndex: 'name' },
        {
          title: t('roles.card.role'),
          dataIndex: 'role',
          render: (_v, u) => <Tag color={roleColor[u.role]}>{t(`roles.role.${u.role}`)}</Tag>,
        },
        {
          title: '',
          key: 'remove',
          render: (_v, u) => (
            <Button
              size="small"
              danger
              onClick={() => void remove(u)}
              aria-label={t('roles.card.removeUser', { name: u.name })}
            >
              {t('common.delete')}
            </Button>
          ),
        },
      ]}
    />
  )
}
