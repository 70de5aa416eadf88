/** Renders the bulletin to one file (MP3 for upload, or WAV), with progress and cancel. */
import { Button, Progress, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'

export type ExportKind = 'mp3' | 'wav'

export interface ExportBarProps {
  kind: ExportKind
  onKind: (kind: ExportKind) => void
  progress: number | null
  isDisabled: boolean
  onExport: () => void
  onCancel: () => void
}

export function ExportBar({ kind, onKind, progress, isDisabled, onExport, onCancel }: ExportBarProps) {
  const { t } = useTranslation()
  return (
    <Space wrap align="center">
      <Select
        aria-label={t('bulletins.format')}
        value={kind}
        onChange={onKind}
        options={[
          { value: 'mp3', label: 'MP3' },
          { value: 'wav', label: 'WAV' },
        ]}
        style={{ width: 100 }}
      />
      <Button
        type="primary"
        size="large"
        disabled={isDisabled || progress !== null}
        loading={progress !== null}
        onClick={onExport}
      >
        {t('bulletins.export')}
      </Button>
      {progress !== null && (
        <>
          <Progress
            percent={Math.round(progress * 100)}
            style={{ width: 200 }}
            aria-label={t('bulletins.exportProgress')}
          />
          <Button onClick={onCancel}>{t('bulletins.cancel')}</Button>
        </>
      )}
    </Space>
  )
}
