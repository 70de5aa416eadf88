/**
 * Nhật ký thao tác: who did what on this laptop, newest first, with filters; "Kiểm tra tính toàn
 * vẹn" walks the hash chain in main and names the first entry that was altered or removed.
 */
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRole } from '../roles/useRole'
import { IntegrityResult } from './IntegrityResult'
import { OperationLogFilters } from './OperationLogFilters'
import { OperationLogTable } from './OperationLogTable'
import { noFilter, useOperationLog, type LogFilter } from './useOperationLog'

export function OperationLogPage() {
  const { t } = useTranslation()
  const { state } = useRole()
  const [filter, setFilter] = useState<LogFilter>(noFilter)
  const log = useOperationLog(filter)

  return (
    <>
      <Typography.Title level={2}>{t('oplog.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('oplog.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button type="primary" loading={log.isChecking} onClick={() => void log.check()}>
            {t('oplog.integrity.check')}
          </Button>
          <Typography.Text>{t('oplog.total', { count: log.total })}</Typography.Text>
        </Space>
        {log.report && <IntegrityResult report={log.report} />}
        <OperationLogFilters filter={filter} users={state?.users ?? []} onChange={setFilter} />
        <OperationLogTable entries={log.entries} />
      </Space>
    </>
  )
}
