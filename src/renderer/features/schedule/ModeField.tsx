/** How a fill meets what is there: replace the station's items, or add after them. */
import { Form, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FillMode } from '../../../shared/onair/fill'

/** Replace the station's items there, or add after them (province items and repeating items stay). */
export function ModeField({ value, onChange }: { value: FillMode; onChange: (mode: FillMode) => void }) {
  const { t } = useTranslation()
  return (
    <Form.Item label={t('plan.mode.label')} extra={t('plan.mode.help')}>
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as FillMode)}
        options={[
          { value: 'replace', label: t('plan.mode.replace') },
          { value: 'append', label: t('plan.mode.append') },
        ]}
      />
    </Form.Item>
  )
}
