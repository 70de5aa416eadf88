/** When it plays: once, every day (every N days), on chosen weekdays, or every week — from a date, until a date or a count. */
import { Checkbox, Form, InputNumber, Radio, Space } from 'antd'
import { LocalDateInput } from '../../components/LocalDateInput'
import { useTranslation } from 'react-i18next'
import type { RepeatChoice, RepeatEnd } from '../../../shared/onair/repeat-choice'
import { weekdayOf, weekdays, type LocalDate } from '../../../shared/onair/station-time'

interface RepeatFieldsProps {
  value: RepeatChoice
  onChange: (next: RepeatChoice) => void
}

const startOf = (c: RepeatChoice): LocalDate => (c.kind === 'once' ? c.date : c.from)

function withKind(kind: RepeatChoice['kind'], from: LocalDate, end: RepeatEnd): RepeatChoice {
  switch (kind) {
    case 'once':
      return { kind, date: from }
    case 'daily':
      return { kind, from, everyDays: 1, end }
    case 'weekdays':
      return { kind, from, days: [weekdayOf(from)], end }
    case 'weekly':
      return { kind, from, everyWeeks: 1, end }
  }
}

export function RepeatFields({ value, onChange }: RepeatFieldsProps) {
  const { t } = useTranslation()
  const from = startOf(value)
  const end: RepeatEnd = value.kind === 'once' ? { kind: 'never' } : value.end
  const setFrom = (date: string) => onChange(value.kind === 'once' ? { ...value, date } : { ...value, from: date })
  return (
    <>
      <Form.Item label={t('schedule.repeat.label')}>
        <Radio.Group
          value={value.kind}
          onChange={(e) => onChange(withKind(e.target.value as RepeatChoice['kind'], from, end))}
          options={(['once', 'daily', 'weekdays', 'weekly'] as const).map((k) => ({
            value: k,
            label: t(`schedule.repeat.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={value.kind === 'once' ? t('schedule.repeat.date') : t('schedule.repeat.from')}>
        <LocalDateInput
          aria-label={value.kind === 'once' ? t('schedule.repeat.date') : t('schedule.repeat.from')}
          value={from}
          onChange={(d) => d && setFrom(d)}
        />
      </Form.Item>
      {value.kind === 'weekdays' && (
        <Form.Item label={t('schedule.repeat.days')}>
          <Checkbox.Group
            value={value.days}
            onChange={(days) => onChange({ ...value, days: weekdays.filter((d) => days.includes(d)) })}
            options={weekdays.map((d) => ({ value: d, label: t(`schedule.weekday.${d}`) }))}
          />
        </Form.Item>
      )}
      {value.kind === 'daily' && (
        <Form.Item label={t('schedule.repeat.everyDays')}>
          <InputNumber
            aria-label={t('schedule.repeat.everyDays')}
            min={1}
            max={366}
            value={value.everyDays}
            onChange={(n) => onChange({ ...value, everyDays: n ?? 0 })}
          />
        </Form.Item>
      )}
      {value.kind === 'weekly' && (
        <Form.Item label={t('schedule.repeat.everyWeeks')}>
          <InputNumber
            aria-label={t('schedule.repeat.everyWeeks')}
            min={1}
            max={52}
            value={value.everyWeeks}
            onChange={(n) => onChange({ ...value, everyWeeks: n ?? 0 })}
          />
        </Form.Item>
      )}
      {value.kind !== 'once' && (
        <EndFields end={value.end} from={from} onChange={(e) => onChange({ ...value, end: e })} />
      )}
    </>
  )
}

function EndFields({ end, from, onChange }: { end: RepeatEnd; from: LocalDate; onChange: (end: RepeatEnd) => void }) {
  const { t } = useTranslation()
  return (
    <Form.Item label={t('schedule.repeat.end')}>
      <Space direction="vertical">
        <Radio.Group
          value={end.kind}
          onChange={(e) => {
            const kind = e.target.value as RepeatEnd['kind']
            onChange(kind === 'never' ? { kind } : kind === 'until' ? { kind, date: from } : { kind, count: 5 })
          }}
          options={(['never', 'until', 'count'] as const).map((k) => ({
            value: k,
            label: t(`schedule.repeat.end_${k}`),
          }))}
        />
        {end.kind === 'until' && (
          <LocalDateInput
            aria-label={t('schedule.repeat.until')}
            value={end.date}
            onChange={(d) => d && onChange({ kind: 'until', date: d })}
          />
        )}
        {end.kind === 'count' && (
          <InputNumber
            aria-label={t('schedule.repeat.count')}
            min={1}
            max={1000}
            value={end.count}
            addonAfter={t('schedule.repeat.times')}
            onChange={(n) => onChange({ kind: 'count', count: n ?? 0 })}
          />
        )}
      </Space>
    </Form.Item>
  )
}
