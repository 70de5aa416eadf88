/**
 * Mẫu buổi phát: the station's session templates — each an ordered list of slots (nhạc hiệu, "the
 * newest bulletin", a notice, nhạc kết…) — listed with a remove button, and a form to make one:
 * a name and the slots picked in the order they play. Saving closes the dialog.
 */
import { DeleteOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, List, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newId } from '../../../shared/ids'
import type { FillTemplate } from '../../../shared/onair/fill'
import type { LibraryEntry, PlacementContent } from '../../../shared/onair/placement'
import { appDatabase } from '../../db/database'
import { deleteTemplate, saveTemplate } from '../../db/queries/schedule-fill'
import { slotContent, slotLabel, slotOptions } from './slot-options'
import { useSaveAndClose } from './useSaveAndClose'

interface TemplatesModalProps {
  templates: readonly FillTemplate[]
  library: ReadonlyMap<string, LibraryEntry>
  onClose: () => void
}

export function TemplatesModal({ templates, library, onClose }: TemplatesModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const slots = picked.flatMap((v) => slotContent(v, library) ?? [])
  const isComplete = name.trim() !== '' && slots.length > 0
  const saveAndClose = useSaveAndClose(
    (slots: PlacementContent[]) => saveTemplate(appDatabase(), { id: newId(), name: name.trim(), slots }),
    onClose,
    t('plan.templates.saved'),
  )
  const remove = (template: FillTemplate) =>
    deleteTemplate(appDatabase(), template.id).catch(() => void message.error(t('schedule.saveFailed')))

  return (
    <Modal
      open
      width={720}
      title={t('plan.templates.title')}
      okText={t('plan.templates.save')}
      okButtonProps={{ disabled: !isComplete, size: 'large' }}
      cancelText={t('plan.templates.close')}
      onOk={() => isComplete && void saveAndClose(slots)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('plan.templates.intro')}</Typography.Paragraph>
      {templates.length > 0 && (
        <List
          size="small"
          bordered
          style={{ marginBottom: 16 }}
          dataSource={[...templates]}
          renderItem={(template) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('plan.templates.remove', { name: template.name })}
                  onClick={() => void remove(template)}
                />,
              ]}
            >
              <List.Item.Meta
                title={template.name}
                description={template.slots.map((s) => slotLabel(t, s, library)).join(' → ')}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5}>{t('plan.templates.new')}</Typography.Title>
      <Form layout="vertical">
        <Form.Item label={t('plan.templates.name')}>
          <Input
            aria-label={t('plan.templates.name')}
            placeholder={t('plan.templates.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('plan.templates.slots')} extra={t('plan.templates.slotsHelp')}>
          <Select
            mode="multiple"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('plan.templates.slots')}
            placeholder={t('plan.templates.slotsPlaceholder')}
            value={picked}
            options={slotOptions(t, library)}
            onChange={setPicked}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
