/** Export: save the issuing details, then have main render the file (input sent in chunks), then download it. */
import { useCallback, useState } from 'react'
import type { ReportFormat } from '../../../shared/reports/file-name'
import type { ReportLanguage } from '../../../shared/reports/labels'
import type { PeriodSpec } from '../../../shared/reports/period'
import { appDatabase } from '../../db/database'
import { readReportInput, saveReportIssuer, type ReportIssuerInput } from '../../db/queries/reports'
import { inputForPeriod } from '../../../shared/reports/input-for-period'
import { uploadAndExport } from './export-upload'
import { gzipJson, saveFile } from './report-file'

export function useReportExport() {
  const [busy, setBusy] = useState<ReportFormat | null>(null)

  const exportReport = useCallback(
    async (spec: PeriodSpec, issuerInput: ReportIssuerInput, format: ReportFormat, language: ReportLanguage) => {
      setBusy(format)
      try {
        const db = appDatabase()
        const issuer = await saveReportIssuer(db, issuerInput)
        // Only what this period's report can depend on: less to compress and send.
        const inputGzip = await gzipJson(inputForPeriod(await readReportInput(db), spec))
        const meta = { ...issuer, generatedAt: new Date().toISOString(), language }
        const file = await uploadAndExport(inputGzip, { period: spec, meta, format })
        saveFile(file)
        return file.fileName
      } finally {
        setBusy(null)
      }
    },
    [],
  )

  return { exportReport, busy }
}
