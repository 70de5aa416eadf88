/**
 * Báo cáo: choose the period, see the figures in charts and tables, and download the report as
 * XLSX, DOCX (a Vietnamese administrative report) or CSV. Works offline: everything comes from
 * the local database.
 */
import { App, Card, Collapse, Flex, Form, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFormat } from '../../../shared/reports/file-name'
import { formatLocalDate } from '../../../shared/reports/format'
import type { ReportLanguage } from '../../../shared/reports/labels'
import { errorCodeOf } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { readReportIssuer } from '../../db/queries/reports'
import { ExportControls } from './ExportControls'
import { ReportTooLargeError } from './export-upload'
import { IssuerForm, issuerFromValues, type IssuerFormValues } from './IssuerForm'
import { PeriodPicker } from './PeriodPicker'
import { ReportFigures } from './ReportFigures'
import { reportView } from './report-view'
import { useReport } from './useReport'
import { useReportExport } from './useReportExport'

export function ReportsPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const lang: ReportLanguage = i18n.language === 'en' ? 'en' : 'vi'
  const { report, choice, setChoice, spec, years } = useReport()
  const { exportReport, busy } = useReportExport()
  const issuer = useLiveQuery(() => readReportIssuer(appDatabase()), [])
  const [form] = Form.useForm<IssuerFormValues>()
  const [fileLanguage, setFileLanguage] = useState<ReportLanguage>('vi')
  const [isIssuerOpen, setIssuerOpen] = useState(false)
  const view = useMemo(() => (report === null ? null : reportView(report, t, lang)), [report, t, lang])

  const download = async (format: ReportFormat) => {
    let values: IssuerFormValues
    try {
      values = await form.validateFields()
    } catch {
      setIssuerOpen(true)
      return void message.warning(t('reports.issuer.incomplete'))
    }
    try {
      const fileName = await exportReport(spec, issuerFromValues(values), format, fileLanguage)
      void message.success(t('reports.export.done', { fileName }))
    } catch (error) {
      if (error instanceof ReportTooLargeError) {
        return void message.error(t('reports.export.tooLarge', { megabytes: Math.round(error.maxBytes / 1024 / 1024) }))
      }
      void message.error(t(`errors.${errorCodeOf(error)}`))
    }
  }

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <PeriodPicker choice={choice} years={years} onChange={setChoice} />
          {report && (
            <Typography.Text strong>
              {t('reports.period.range', {
                from: formatLocalDate(report.period.startMs, 'vi'),
                to: formatLocalDate(report.period.endMs - 86_400_000, 'vi'),
              })}
            </Typography.Text>
          )}
          <Collapse
            activeKey={isIssuerOpen ? ['issuer'] : []}
            onChange={(keys) => setIssuerOpen(keys.includes('issuer'))}
            items={[
              {
                key: 'issuer',
                label: t('reports.issuer.title'),
                forceRender: true,
                children: <IssuerForm form={form} initial={issuer} />,
              },
            ]}
          />
          <ExportControls
            language={fileLanguage}
            onLanguageChange={setFileLanguage}
            busy={busy}
            isDisabled={report === null}
            onDownload={(format) => void download(format)}
          />
        </Flex>
      </Card>
      {view && report && <ReportFigures report={report} view={view} />}
    </>
  )
}
