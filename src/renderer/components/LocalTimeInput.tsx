/** A wall-clock time ("05:30" in and out), 24-hour in both languages (see LocalDateInput for why not the native input). */
import { TimePicker } from 'antd'
import dayjs from 'dayjs'
import type { CSSProperties } from 'react'
import { TIME_PATTERN } from '../../shared/format/display'

export interface LocalTimeInputProps {
  value?: string | null
  onChange?: (time: string) => void
  id?: string
  'aria-label'?: string
  style?: CSSProperties
  isDisabled?: boolean
}

export function LocalTimeInput({ value, onChange, isDisabled, ...rest }: LocalTimeInputProps) {
  const time = value ? dayjs(`2000-01-01T${value}`) : null
  return (
    <TimePicker
      {...rest}
      format={TIME_PATTERN}
      placeholder={TIME_PATTERN.toLowerCase()}
      minuteStep={1}
      needConfirm={false}
      allowClear={false}
      value={time?.isValid() ? time : null}
      disabled={isDisabled}
      onChange={(next) => next && onChange?.(next.format(TIME_PATTERN))}
    />
  )
}
