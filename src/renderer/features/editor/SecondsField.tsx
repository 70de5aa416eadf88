/** A time typed in seconds to a tenth, with the officer's decimal separator ("1,5" in vi, "1.5" in en). */
import { DecimalInput } from '../../components/DecimalInput'

export interface SecondsFieldProps {
  /** The field's accessible name. */
  label: string
  /** The time shown, in milliseconds; null leaves the field empty. */
  valueMs: number | null
  /** The typed value in seconds (null when the field is cleared). */
  onChange: (seconds: number | null) => void
}

export function SecondsField({ label, valueMs, onChange }: SecondsFieldProps) {
  return (
    <DecimalInput
      aria-label={label}
      min={0}
      step={0.1}
      precision={1}
      value={valueMs === null ? null : valueMs / 1000}
      onChange={onChange}
      suffix="s"
    />
  )
}
