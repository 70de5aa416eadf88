/** The file language and one download button per format (XLSX, DOCX, CSV). */
import { DownloadOutlined } from '@ant-design/icons'
import { Button, Flex, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { reportFormats, type ReportFormat } from '../../../shared/reports/file-name'
import type { ReportLanguage } from '../../../shared/reports/labels'

export interface ExportControlsProps {
  language: ReportLanguage
  onLanguageChange(language: ReportLanguage): void
  busy: ReportFormat | null
  isDisabled: boolean
  onDownload(format: ReportFormat): void
}

export function ExportControls({ language, onLanguageChange, busy, isDisabled, onDownload }: ExportControlsProps) {
  const { t } = useTranslation()
  return (
    <Flex gap={12} wrap align="center">
      <Segmented<ReportLanguage>
        size="large"
        aria-label={t('reports.export.language')}
        value={language}
        onChange={onLanguageChange}
        options={[
          { value: 'vi', label: t('reports.export.vi') },
          { value: 'en', label: t('reports.export.en') },
        ]}
      />
      {reportFormats.map((format) => (
        <Button
          key={format}
          size="large"
          type={format === 'csv' ? 'default' : 'primary'}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={isDisabled || (busy !== null && busy !== format)}
          onClick={() => onDownload(format)}
        >
          {t(`reports.export.${format}`)}
        </Button>
      ))}
    </Flex>
  )
}
