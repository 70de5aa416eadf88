/** What to place: an item of the library, a relay of the line-in or a stream for a duration, or silence. */
import { Form, Input, InputNumber, Radio, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LibraryEntry } from '../../../shared/onair/placement'
import { sourceKinds } from '../../../shared/reports/report-input'
import type { ContentDraft } from './content-draft'
import { slotOptions } from './slot-options'

interface ContentFieldsProps {
  value: ContentDraft
  library: ReadonlyMap<string, LibraryEntry>
  onChange: (next: ContentDraft) => void
}

export function ContentFields({ value, library, onChange }: ContentFieldsProps) {
  const { t } = useTranslation()
  const options = slotOptions(t, library)
  return (
    <>
      <Form.Item label={t('schedule.form.what')}>
        <Radio.Group
          value={value.kind}
          onChange={(e) =>
            onChange(draftFor(e.target.value as ContentDraft['kind'], t('schedule.form.relayDefaultTitle')))
          }
          options={[
            { value: 'library', label: t('schedule.form.fromLibrary') },
            { value: 'relay', label: t('schedule.form.relay') },
            { value: 'silence', label: t('schedule.form.silence') },
          ]}
        />
      </Form.Item>
      {value.kind === 'library' && (
        <Form.Item label={t('schedule.form.item')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            virtual={false}
            aria-label={t('schedule.form.item')}
            placeholder={t('schedule.form.itemPlaceholder')}
            value={value.key}
            options={options}
            onChange={(key: string) => onChange({ kind: 'library', key })}
          />
        </Form.Item>
      )}
      {value.kind === 'relay' && <RelayFields value={value} onChange={onChange} />}
      {value.kind === 'silence' && (
        <Form.Item label={t('schedule.form.seconds')}>
          <InputNumber
            aria-label={t('schedule.form.seconds')}
            min={1}
            max={600}
            value={value.seconds}
            onChange={(seconds) => onChange({ kind: 'silence', seconds: seconds ?? 0 })}
          />
        </Form.Item>
      )}
    </>
  )
}

function draftFor(kind: ContentDraft['kind'], relayTitle: string): ContentDraft {
  switch (kind) {
    case 'library':
      return { kind: 'library', key: null }
    case 'relay':
      return { kind: 'relay', title: relayTitle, isLineIn: true, url: '', minutes: 30, source: 'relay-national-radio' }
    case 'silence':
      return { kind: 'silence', seconds: 5 }
  }
}

function RelayFields({
  value,
  onChange,
}: {
  value: Extract<ContentDraft, { kind: 'relay' }>
  onChange: (next: ContentDraft) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item label={t('schedule.form.relayTitle')}>
        <Input
          aria-label={t('schedule.form.relayTitle')}
          value={value.title}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('schedule.form.relaySource')}>
        <Select
          aria-label={t('schedule.form.relaySource')}
          value={value.source}
          options={sourceKinds.filter((s) => s !== 'own').map((s) => ({ value: s, label: t(`schedule.source.${s}`) }))}
          onChange={(source) => onChange({ ...value, source })}
        />
      </Form.Item>
      <Form.Item label={t('schedule.form.relayInput')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={value.isLineIn}
            onChange={(e) => onChange({ ...value, isLineIn: e.target.value as boolean })}
            options={[
              { value: true, label: t('schedule.form.lineIn') },
              { value: false, label: t('schedule.form.stream') },
            ]}
          />
          {!value.isLineIn && (
            <Input
              aria-label={t('schedule.form.streamUrl')}
              placeholder="https://…"
              value={value.url}
              onChange={(e) => onChange({ ...value, url: e.target.value })}
            />
          )}
        </Space>
      </Form.Item>
      <Form.Item label={t('schedule.form.minutes')}>
        <InputNumber
          aria-label={t('schedule.form.minutes')}
          min={1}
          max={240}
          value={value.minutes}
          onChange={(minutes) => onChange({ ...value, minutes: minutes ?? 0 })}
        />
      </Form.Item>
    </>
  )
}
