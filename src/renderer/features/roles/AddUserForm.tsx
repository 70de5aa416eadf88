/** Thêm người dùng: name, role (the first must be an approver) and a PIN of 4 to 8 digits. */
import { Alert, Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localRoles, type LocalRole, type RolesState } from '../../../shared/ipc/roles'
import { call } from '../../bridge/bridge'
import { refusalText } from './role-text'

interface Draft {
  name: string
  role: LocalRole
  pin: string
}

export function AddUserForm({ isFirst, onAdded }: { isFirst: boolean; onAdded(state: RolesState): void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Draft>()
  const [error, setError] = useState<string | null>(null)

  const add = async (draft: Draft) => {
    const answer = await call('roles:addUser', { ...draft, role: isFirst ? 'approver' : draft.role })
    if (!answer.ok) return setError(refusalText(t, answer, 'manage-users', null))
    setError(null)
    form.resetFields()
    onAdded(answer.state)
  }

  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ role: 'officer' }}
      onFinish={(d) => void add(d)}
    >
      {isFirst && <Alert type="info" showIcon message={t('roles.card.firstApprover')} style={{ marginBottom: 16 }} />}
      <Form.Item name="name" label={t('roles.card.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input aria-label={t('roles.card.name')} />
      </Form.Item>
      {!isFirst && (
        <Form.Item name="role" label={t('roles.card.role')}>
          <Select
            aria-label={t('roles.card.role')}
            options={localRoles.map((role) => ({ value: role, label: t(`roles.role.${role}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="pin"
        label={t('roles.newPin')}
        rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('roles.card.pinRule') }]}
      >
        <Input.Password aria-label={t('roles.newPin')} inputMode="numeric" autoComplete="new-password" maxLength={8} />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button htmlType="submit">{t('roles.card.add')}</Button>
    </Form>
  )
}
