/**
 * The note the officer writes with an action on a cluster: "Báo hỏng" (marks it faulty; the note
 * says what is wrong and is required), "Đã sửa" (working again), "Ghi chú bảo trì" (a maintenance
 * note, status unchanged), "Tháo dỡ" (removed from service).
 */
import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ClusterError } from '../../db/queries/clusters'

export const clusterActions = ['fault', 'repaired', 'maintenance', 'remove'] as const
export type ClusterAction = (typeof clusterActions)[number]

export interface ClusterActionModalProps {
  action: ClusterAction
  clusterLabel: string
  onSubmit(action: ClusterAction, note: string): Promise<unknown>
  onClose(): void
}

const isNoteRequired = (action: ClusterAction): boolean => action === 'fault' || action === 'maintenance'

export function ClusterActionModal({ action, clusterLabel, onSubmit, onClose }: ClusterActionModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note: string }>()
  const [isSaving, setIsSaving] = useState(false)

  const submit = async () => {
    let note: string
    try {
      note = (await form.validateFields()).note ?? ''
    } catch {
      return
    }
    setIsSaving(true)
    try {
      await onSubmit(action, note.trim())
      void message.success(t(`clusters.action.${action}.done`, { cluster: clusterLabel }))
      onClose()
    } catch (error) {
      void message.error(t(error instanceof ClusterError ? `clusters.errors.${error.code}` : 'errors.internal'))
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t(`clusters.action.${action}.title`, { cluster: clusterLabel })}
      okText={t(`clusters.action.${action}.ok`)}
      okButtonProps={{ size: 'large', danger: action === 'fault' || action === 'remove' }}
      cancelText={t('clusters.cancel')}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" size="large" initialValues={{ note: '' }}>
        <Form.Item
          label={t(`clusters.action.${action}.note`)}
          name="note"
          rules={[
            { required: isNoteRequired(action), whitespace: true, message: t('clusters.action.noteRequired') },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}
