/** What the measurement says is wrong (too quiet/loud, clipping, long silent ends with a one-click trim). */
import { Alert, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EditOp } from '../../../shared/editor/edit-list'
import type { LoudnessWarning } from '../../../shared/editor/loudness'
import { formatNumber } from '../../components/format'
import { formatPrecise } from './format-precise'

export interface LoudnessWarningsProps {
  warnings: LoudnessWarning[]
  /** Trims are offered only while the measurement matches the current edits. */
  canTrim: boolean
  onTrim: (op: EditOp) => void
}

function text(w: LoudnessWarning, t: (key: string, vars?: Record<string, string>) => string, lang: string): string {
  const db = (v: number) => formatNumber(v, 1)
  switch (w.kind) {
    case 'silent':
      return t('editor.loudness.warnings.silent')
    case 'too-quiet':
      return t('editor.loudness.warnings.tooQuiet', { lufs: db(w.integratedLufs) })
    case 'too-loud':
      return t('editor.loudness.warnings.tooLoud', { lufs: db(w.integratedLufs) })
    case 'clipping':
      return t('editor.loudness.warnings.clipping', { dbtp: db(w.truePeakDbtp) })
    case 'silence-start':
      return t('editor.loudness.warnings.silenceStart', { duration: formatPrecise(w.durationMs, lang) })
    case 'silence-end':
      return t('editor.loudness.warnings.silenceEnd', { duration: formatPrecise(w.durationMs, lang) })
  }
}

export function LoudnessWarnings({ warnings, canTrim, onTrim }: LoudnessWarningsProps) {
  const { t, i18n } = useTranslation()
  if (warnings.length === 0) return <Alert type="success" showIcon message={t('editor.loudness.allGood')} />
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {warnings.map((w) => (
        <Alert
          key={w.kind}
          type="warning"
          showIcon
          message={text(w, t, i18n.language)}
          action={
            (w.kind === 'silence-start' || w.kind === 'silence-end') && canTrim ? (
              <Button size="small" onClick={() => onTrim(w.trim)}>
                {t('editor.loudness.trimSilence')}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Space>
  )
}
