/** The entries: number, time (dd/MM/yyyy HH:mm:ss, Vietnam time), who, what, on what, result. */
import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OperationEntry } from '../../../shared/ipc/oplog'
import { formatDateTime } from '../../components/format'

const short = (hash: string | null): string => (hash === null ? '—' : hash.slice(0, 8))

export function OperationLogTable({ entries }: { entries: OperationEntry[] | null }) {
  const { t, i18n } = useTranslation()
  return (
    <Table<OperationEntry>
      rowKey="seq"
      size="small"
      loading={entries === null}
      dataSource={entries ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      aria-label={t('oplog.title')}
      columns={[
        { title: t('oplog.columns.seq'), dataIndex: 'seq', width: 70 },
        { title: t('oplog.columns.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at, i18n.language) },
        {
          title: t('oplog.columns.user'),
          key: 'user',
          render: (_v, e) => (e.user ? `${e.user.name} (${t(`roles.role.${e.user.role}`)})` : t('oplog.noUser')),
        },
        {
          title: t('oplog.columns.action'),
          dataIndex: 'action',
          render: (a: OperationEntry['action']) => t(`oplog.actions.${a}`),
        },
        { title: t('oplog.columns.object'), key: 'object', render: (_v, e) => e.object.label },
        {
          title: t('oplog.columns.outcome'),
          dataIndex: 'outcome',
          render: (o: OperationEntry['outcome']) => (
            <Tag color={o === 'done' ? 'green' : 'red'}>{t(`oplog.outcome.${o}`)}</Tag>
          ),
        },
        {
          title: t('oplog.columns.digests'),
          key: 'digests',
          render: (_v, e) => (
            <Typography.Text type="secondary" code>
              {short(e.before)} → {short(e.after)}
            </Typography.Text>
          ),
        },
      ]}
    />
  )
}
