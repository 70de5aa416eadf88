/** The selection as two numbers in seconds, for precise cuts and for officers who prefer typing. */
import { InputNumber, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Selection } from './useEditor'

export interface SelectionFieldsProps {
  selection: Selection | null
  durationMs: number
  onChange: (selection: Selection | null) => void
}

export function SelectionFields({ selection, durationMs, onChange }: SelectionFieldsProps) {
  const { t, i18n } = useTranslation()
  const decimalSeparator = i18n.language === 'en' ? '.' : ','
  const setStart = (s: number | null) => {
    if (s === null) return
    const startMs = Math.round(s * 1000)
    const endMs = selection?.endMs ?? durationMs
    if (startMs < endMs) onChange({ startMs, endMs })
  }
  const setEnd = (s: number | null) => {
    if (s === null) return
    const endMs = Math.min(Math.round(s * 1000), durationMs)
    const startMs = selection?.startMs ?? 0
    if (endMs > startMs) onChange({ startMs, endMs })
  }
  return (
    <Space wrap>
      <span>{t('editor.selection')}</span>
      <InputNumber
        aria-label={t('editor.selectionStart')}
        min={0}
        step={0.1}
        precision={1}
        decimalSeparator={decimalSeparator}
        value={selection ? selection.startMs / 1000 : null}
        onChange={setStart}
        suffix="s"
      />
      <InputNumber
        aria-label={t('editor.selectionEnd')}
        min={0}
        step={0.1}
        precision={1}
        decimalSeparator={decimalSeparator}
        value={selection ? selection.endMs / 1000 : null}
        onChange={setEnd}
        suffix="s"
      />
    </Space>
  )
}
