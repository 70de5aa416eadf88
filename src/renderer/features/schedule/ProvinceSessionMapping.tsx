/**
 * Cài đặt → Buổi phát của tỉnh: which of the station's sessions each of the province's sessions
 * lands in. By default by time window (session-map.ts); the officer can choose another one, or go
 * back to "by time". A province session that matches nothing says so: its items would not play.
 */
import { Alert, App, Card, Select, Space, Table, Tag, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type { SessionMapping } from '../../../shared/onair/session-map'
import { appDatabase } from '../../db/database'
import { listSessions } from '../../db/queries/schedule'
import { loadSessionMappings, provinceSessions, saveOverride } from '../../db/queries/session-map'

const AUTO = 'auto'

async function load() {
  const db = appDatabase()
  const sessions = await listSessions(db)
  const [mappings, profile] = await Promise.all([loadSessionMappings(db, sessions), provinceSessions(db)])
  return { sessions, mappings, labels: new Map(profile.map((p) => [p.id, p.label])) }
}

export function ProvinceSessionMapping() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useLiveQuery(load, [])
  const label = (id: string | null): string =>
    data?.sessions.find((s) => s.id === id)?.label ?? t('schedule.provinceSessions.nowhere')

  const choose = (key: string, value: string) =>
    saveOverride(appDatabase(), key, value === AUTO ? null : value).then(
      () => void message.success(t('settings.saved')),
      () => void message.error(t('schedule.saveFailed')),
    )

  return (
    <Card title={t('schedule.provinceSessions.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('schedule.provinceSessions.help')}</Typography.Paragraph>
      {data && data.mappings.length === 0 ? (
        <Alert type="info" showIcon message={t('schedule.provinceSessions.none')} />
      ) : (
        <Table<SessionMapping>
          size="small"
          rowKey="provinceKey"
          pagination={false}
          loading={!data}
          dataSource={data?.mappings ?? []}
          columns={[
            {
              title: t('schedule.provinceSessions.province'),
              key: 'province',
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{data?.labels.get(m.provinceKey) || m.provinceKey}</Typography.Text>
                  <Typography.Text type="secondary">
                    {m.provinceKey}
                    {m.window && m.window.start !== m.window.end ? ` · ${m.window.start}–${m.window.end}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('schedule.provinceSessions.station'),
              key: 'station',
              render: (_, m) => {
                const name = data?.labels.get(m.provinceKey) || m.provinceKey
                const autoLabel =
                  m.by === 'officer'
                    ? t('schedule.provinceSessions.byTime')
                    : t('schedule.provinceSessions.byTimeNow', { session: label(m.stationSessionId) })
                return (
                  <Space wrap>
                    <Select
                      aria-label={t('schedule.provinceSessions.choose', { name })}
                      style={{ minWidth: 260 }}
                      value={m.by === 'officer' ? (m.stationSessionId ?? AUTO) : AUTO}
                      onChange={(value: string) => void choose(m.provinceKey, value)}
                      options={[
                        { value: AUTO, label: autoLabel },
                        ...(data?.sessions ?? [])
                          .filter((s) => s.isEnabled)
                          .map((s) => ({ value: s.id, label: `${s.label} (${s.start})` })),
                      ]}
                    />
                    {m.stationSessionId === null && <Tag color="error">{t('schedule.provinceSessions.unmatched')}</Tag>}
                  </Space>
                )
              },
            },
          ]}
        />
      )}
    </Card>
  )
}
