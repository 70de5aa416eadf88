/** The selection as two numbers in seconds, for precise cuts and for officers who prefer typing. */
import { Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { SecondsField } from './SecondsField'
import type { Selection } from './useEditor'

export interface SelectionFieldsProps {
  selection: Selection | null
  durationMs: number
  onChange: (selection: Selection | null) => void
}

export function SelectionFields({ selection, durationMs, onChange }: SelectionFieldsProps) {
  const { t } = useTranslation()
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
      <SecondsField label={t('editor.selectionStart')} valueMs={selection?.startMs ?? null} onChange={setStart} />
      <SecondsField label={t('editor.selectionEnd')} valueMs={selection?.endMs ?? null} onChange={setEnd} />
    </Space>
  )
}
