/**
 * "Cần xác nhận": the signed-in user may not do this (or nobody is signed in). Someone whose role
 * may — only they are listed — picks their name and types their PIN; main checks it.
 */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  mayDo,
  type Grant,
  type GuardedAction,
  type LogObject,
  type Refusal,
  type RolesState,
} from '../../../shared/ipc/roles'
import { call } from '../../bridge/bridge'
import { refusalText } from './role-text'

export interface PinPromptProps {
  action: GuardedAction
  object: LogObject
  /** Why the signed-in user was refused. */
  first: Refusal
  state: RolesState
  onGranted(grant: Grant): void
  onCancel(): void
}

export function PinPrompt({ action, object, first, state, onGranted, onCancel }: PinPromptProps) {
  const { t } = useTranslation()
  const allowed = state.users.filter((u) => mayDo(u.role, action))
  const [userId, setUserId] = useState<string | null>(allowed[0]?.id ?? null)
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<Refusal>(first)
  const [isBusy, setBusy] = useState(false)

  const confirm = async () => {
    if (!userId) return
    setBusy(true)
    try {
      const answer = await call('roles:authorize', { action, object, by: { userId, pin } })
      if (answer.ok) onGranted(answer)
      else setRefusal(answer)
    } finally {
      setPin('')
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={t('roles.prompt.title')}
      okText={t('roles.prompt.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !userId || !/^\d{4,8}$/.test(pin), loading: isBusy }}
      onOk={() => void confirm()}
      onCancel={onCancel}
    >
      <Typography.Paragraph>
        {t('roles.prompt.intro', { action: t(`roles.actions.${action}`), object: object.label })}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        message={refusalText(t, refusal, action, state.current)}
        style={{ marginBottom: 16 }}
      />
      <Form layout="vertical" onFinish={() => void confirm()}>
        <Form.Item label={t('roles.prompt.who')}>
          <Select
            aria-label={t('roles.prompt.who')}
            value={userId}
            onChange={setUserId}
            options={allowed.map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.role.${u.role}`)})` }))}
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
            onPressEnter={() => void confirm()}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
