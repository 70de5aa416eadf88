/**
 * A station calendar day ("2026-12-08" in and out, as the data keeps it), shown and typed
 * `DD/MM/YYYY` in both languages. Chromium's native `<input type="date">` follows the computer's
 * locale (mm/dd/yyyy on an English Windows), so the app draws its own picker.
 */
import { DatePicker } from 'antd'
import dayjs from 'dayjs'
import type { CSSProperties } from 'react'
import { DATE_PATTERN } from '../../shared/format/display'

export interface LocalDateInputProps {
  value?: string | null
  onChange?: (date: string) => void
  id?: string
  'aria-label'?: string
  style?: CSSProperties
  isDisabled?: boolean
  allowClear?: boolean
}

const ISO_DAY = 'YYYY-MM-DD'

export function LocalDateInput({ value, onChange, isDisabled, allowClear = false, ...rest }: LocalDateInputProps) {
  const day = value ? dayjs(value) : null
  return (
    <DatePicker
      {...rest}
      format={DATE_PATTERN}
      placeholder={DATE_PATTERN.toLowerCase()}
      value={day?.isValid() ? day : null}
      disabled={isDisabled}
      allowClear={allowClear}
      onChange={(next) => onChange?.(next ? next.format(ISO_DAY) : '')}
    />
  )
}
