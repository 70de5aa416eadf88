/** Which report: the kind of period (tháng / quý / năm / năm báo cáo 15/12–14/12) and which one. */
import { Flex, Segmented, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { pickableKinds, type PeriodChoice, type PickableKind } from './period-choice'

export interface PeriodPickerProps {
  choice: PeriodChoice
  years: number[]
  onChange(choice: PeriodChoice): void
}

const months = Array.from({ length: 12 }, (_, i) => i + 1)
const quarters = [1, 2, 3, 4]

export function PeriodPicker({ choice, years, onChange }: PeriodPickerProps) {
  const { t } = useTranslation()
  return (
    <Flex gap={12} wrap align="center">
      <Segmented<PickableKind>
        size="large"
        aria-label={t('reports.period.kind')}
        value={choice.kind}
        onChange={(kind) => onChange({ ...choice, kind })}
        options={pickableKinds.map((k) => ({ value: k, label: t(`reports.period.kinds.${k}`) }))}
      />
      {choice.kind === 'month' && (
        <Select
          size="large"
          aria-label={t('reports.period.month')}
          value={choice.month}
          onChange={(month) => onChange({ ...choice, month })}
          options={months.map((m) => ({ value: m, label: t('reports.period.monthN', { month: m }) }))}
          style={{ width: 140 }}
        />
      )}
      {choice.kind === 'quarter' && (
        <Select
          size="large"
          aria-label={t('reports.period.quarter')}
          value={choice.quarter}
          onChange={(quarter) => onChange({ ...choice, quarter })}
          options={quarters.map((q) => ({ value: q, label: t('reports.period.quarterN', { quarter: q }) }))}
          style={{ width: 140 }}
        />
      )}
      <Select
        size="large"
        aria-label={t('reports.period.year')}
        value={choice.year}
        onChange={(year) => onChange({ ...choice, year })}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 120 }}
      />
    </Flex>
  )
}
