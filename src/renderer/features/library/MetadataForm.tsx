/** The metadata fields: title, kind, category, language, priority class, author, validity days. */
import { App, AutoComplete, Button, Form, Input, Select } from 'antd'
import { LocalDateInput } from '../../components/LocalDateInput'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { contentKindSchema, priorityClassSchema } from '../../../shared/model/common'
import type { AnnouncementMetadata } from '../../db/queries/announcements'
import { BROADCAST_LANGUAGES } from './languages'
import { dayStartInstant, instantToDay, lastDayToValidTo, validToToLastDay } from './validity-dates'

interface Values {
  title: string
  kind: Announcement['kind']
  category: string
  language: string
  priority: Announcement['priority']
  author: string
  validFrom: string
  validTo: string
}

export interface MetadataFormProps {
  announcement: Announcement
  categories: string[]
  onSave: (metadata: AnnouncementMetadata) => Promise<unknown> | null
}

const toValues = (a: Announcement): Values => ({
  title: a.title,
  kind: a.kind,
  category: a.category,
  language: a.language,
  priority: a.priority,
  author: a.author ?? '',
  validFrom: instantToDay(a.validFrom),
  validTo: validToToLastDay(a.validTo),
})

const toMetadata = (v: Values): AnnouncementMetadata => ({
  title: v.title.trim(),
  kind: v.kind,
  category: v.category.trim(),
  language: v.language,
  priority: v.priority,
  author: v.author.trim() || null,
  validFrom: dayStartInstant(v.validFrom),
  validTo: lastDayToValidTo(v.validTo),
})

export function MetadataForm({ announcement, categories, onSave }: MetadataFormProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const finish = (values: Values) => {
    const saving = onSave(toMetadata(values))
    if (!saving) return
    saving.then(
      () => void message.success(t('editor.metadata.saved')),
      () => void message.error(t('editor.metadata.saveFailed')),
    )
  }
  const laterThanFrom = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, to: string) =>
      !to || !getFieldValue('validFrom') || to >= String(getFieldValue('validFrom'))
        ? Promise.resolve()
        : Promise.reject(new Error(t('editor.metadata.validToBeforeFrom'))),
  })
  return (
    <Form form={form} layout="vertical" initialValues={toValues(announcement)} onFinish={finish}>
      <Form.Item
        name="title"
        label={t('editor.metadata.title')}
        rules={[{ required: true, whitespace: true, max: 300 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('editor.metadata.kind')}>
        <Select options={contentKindSchema.options.map((k) => ({ value: k, label: t(`editor.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('editor.metadata.category')} rules={[{ max: 200 }]}>
        <AutoComplete options={categories.map((c) => ({ value: c }))} placeholder={t('editor.metadata.categoryHint')} />
      </Form.Item>
      <Form.Item name="language" label={t('editor.metadata.language')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={BROADCAST_LANGUAGES.map((l) => ({ value: l, label: t(`editor.languages.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="priority" label={t('editor.metadata.priority')}>
        <Select options={priorityClassSchema.options.map((p) => ({ value: p, label: t(`editor.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="author" label={t('editor.metadata.author')} rules={[{ max: 200 }]}>
        <Input placeholder={t('editor.metadata.authorHint')} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('editor.metadata.validFrom')}>
        <LocalDateInput allowClear />
      </Form.Item>
      <Form.Item
        name="validTo"
        label={t('editor.metadata.validTo')}
        dependencies={['validFrom']}
        rules={[laterThanFrom]}
      >
        <LocalDateInput allowClear />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('editor.metadata.save')}
      </Button>
    </Form>
  )
}
