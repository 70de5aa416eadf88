/**
 * Register a cluster, or edit one the commune registered (province clusters are read-only).
 * The values are parsed with `clusterDraftSchema` when written; the form checks them first so the
 * officer sees what is wrong beside each field.
 */
import { App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  clusterStatusSchema,
  clusterTechnologySchema,
  type ClusterStatus,
  type ClusterTechnology,
} from '../../../shared/reports/report-input'
import { ClusterError, type ClusterDraftInput } from '../../db/queries/clusters'
import type { ClusterRow } from '../../db/records'

interface FormValues {
  code: string
  name: string
  hamlet: string
  technology: ClusterTechnology
  status: ClusterStatus
  address: string
  latitude: number | null
  longitude: number | null
  yearInstalled: number | null
}

export interface ClusterFormModalProps {
  /** The cluster being edited, or null to register one. */
  editing: ClusterRow | null
  onRegister(draft: ClusterDraftInput, status: ClusterStatus): Promise<unknown>
  onEdit(id: string, draft: ClusterDraftInput): Promise<unknown>
  onClose(): void
}

const blank: FormValues = {
  code: '',
  name: '',
  hamlet: '',
  technology: 'wired',
  status: 'working',
  address: '',
  latitude: null,
  longitude: null,
  yearInstalled: null,
}

export function ClusterFormModal({ editing, onRegister, onEdit, onClose }: ClusterFormModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [isSaving, setIsSaving] = useState(false)

  const submit = async () => {
    let values: FormValues
    try {
      values = await form.validateFields()
    } catch {
      return // shown beside each field
    }
    const { status, ...draft } = { ...blank, ...values }
    setIsSaving(true)
    try {
      if (editing) await onEdit(editing.id, draft)
      else await onRegister(draft, status)
      void message.success(t('clusters.form.saved', { code: draft.code.trim() }))
      onClose()
    } catch (error) {
      void message.error(t(error instanceof ClusterError ? `clusters.errors.${error.code}` : 'errors.internal'))
    } finally {
      setIsSaving(false)
    }
  }

  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }]
  return (
    <Modal
      open
      title={t(editing ? 'clusters.form.editTitle' : 'clusters.form.addTitle')}
      okText={t('clusters.form.save')}
      cancelText={t('clusters.cancel')}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" size="large" initialValues={editing ?? blank}>
        <Form.Item label={t('clusters.form.code')} name="code" rules={required(t('clusters.form.codeRequired'))}>
          <Input maxLength={50} placeholder={t('clusters.form.codePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('clusters.form.name')} name="name" rules={required(t('clusters.form.nameRequired'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('clusters.form.hamlet')} name="hamlet">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('clusters.form.technology')} name="technology">
          <Select
            options={clusterTechnologySchema.options.map((v) => ({ value: v, label: t(`clusters.technology.${v}`) }))}
          />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('clusters.form.status')} name="status">
            <Select
              options={clusterStatusSchema.options.map((v) => ({ value: v, label: t(`clusters.status.${v}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('clusters.form.address')} name="address">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('clusters.form.latitude')} name="latitude">
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('clusters.form.longitude')} name="longitude">
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('clusters.form.yearInstalled')} name="yearInstalled">
          <InputNumber min={1945} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
