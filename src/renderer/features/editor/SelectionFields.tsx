/**
 * The selection as two numbers in seconds, for precise cuts and for officers who prefer typing.
 * A start typed at or after the end (or an end before the start) is refused with a message and
 * the selection is cleared, so no cut or fade applies to a span the officer did not mean.
 */
import { Alert, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPrecise } from './format-precise'
import { SecondsField } from './SecondsField'
import { typedSelection, type SelectionProblem } from './selection-nudge'
import type { Selection } from './useEditor'

export interface SelectionFieldsProps {
  selection: Selection | null
  durationMs: number
  onChange: (selection: Selection | null) => void
}

export function SelectionFields({ selection, durationMs, onChange }: SelectionFieldsProps) {
  const { t, i18n } = useTranslation()
  const [problem, setProblem] = useState<SelectionProblem | null>(null)
  const type = (edge: 'start' | 'end') => (seconds: number | null) => {
    if (seconds === null) return
    const typed = typedSelection(selection, edge, seconds, durationMs)
    if ('problem' in typed) {
      setProblem(typed.problem)
      onChange(null)
      return
    }
    setProblem(null)
    onChange(typed.selection)
  }
  const at = (ms: number) => formatPrecise(ms, i18n.language)
  return (
    <Space direction="vertical">
      <Space wrap>
        <span>{t('editor.selection')}</span>
        <SecondsField
          label={t('editor.selectionStart')}
          valueMs={selection?.startMs ?? null}
          onChange={type('start')}
        />
        <SecondsField label={t('editor.selectionEnd')} valueMs={selection?.endMs ?? null} onChange={type('end')} />
      </Space>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('editor.selectionCrossed', { start: at(problem.startMs), end: at(problem.endMs) })}
        />
      )}
    </Space>
  )
}
