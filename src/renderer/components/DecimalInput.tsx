/**
 * antd's number field with the interface's decimal separator: "1,5" in Vietnamese, "1.5" in
 * English (shared/format/display.ts). Either separator is accepted when typed.
 */
import { InputNumber, type InputNumberProps } from 'antd'
import { useFormat } from './useFormat'

export function DecimalInput(props: InputNumberProps<number>) {
  const f = useFormat()
  return <InputNumber<number> {...props} decimalSeparator={f.language === 'en' ? '.' : ','} />
}
