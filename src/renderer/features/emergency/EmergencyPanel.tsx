/**
 * Phát sóng → Tin khẩn cấp: every emergency bulletin on this computer with its state (counting
 * down, repeating, expired, stopped, replaced, exercise), how many times it aired, the next
 * airing and its expiry; "Dừng" for one still going; "Nhập cảnh báo CAP…".
 */
import { App, Button, Card, Table, Tag } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type { EmergencyRecord } from '../../../shared/emergency/bulletin'
import { phaseOf } from '../../../shared/emergency/plan'
import { formatDateTime } from '../../../shared/format/display'
import { appDatabase } from '../../db/database'
import { listEmergencies, stopEmergency } from '../../db/queries/emergencies'
import { CapImportButton } from './CapImportButton'
import { OwnEmergencyForm } from './OwnEmergencyForm'
import { useCountdownSec } from './emergency-settings'
import { nextText, statusKey } from './emergency-view'
import { runningEmergencyFlow } from './useEmergencyFlow'

export function EmergencyPanel() {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const records = useLiveQuery(() => listEmergencies(appDatabase()), []) ?? []
  const countdownMs = (useCountdownSec() ?? 0) * 1000
  const stop = (r: EmergencyRecord) =>
    modal.confirm({
      title: t('emergency.banner.stopConfirmTitle'),
      content: t('emergency.banner.stopConfirm', { title: r.title }),
      okText: t('emergency.banner.stopOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        await stopEmergency(appDatabase(), r.id, Date.now())
        await runningEmergencyFlow()?.stopAiring(r.id)
      },
    })
  return (
    <Card title={t('emergency.panel.title')} extra={<CapImportButton />} data-testid="emergency-panel">
      <OwnEmergencyForm />
      <Table<EmergencyRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...records].reverse()}
        locale={{ emptyText: t('emergency.panel.empty') }}
        columns={[
          {
            title: t('emergency.panel.colTitle'),
            render: (_, r) => (
              <>
                <Tag>{t(`emergency.origin.${r.origin}`)}</Tag>
                {r.title}
              </>
            ),
          },
          { title: t('emergency.panel.colStatus'), render: (_, r) => t(statusKey(phaseOf(r, records, countdownMs))) },
          { title: t('emergency.panel.colAired'), render: (_, r) => r.airedAtMs.length },
          { title: t('emergency.panel.colNext'), render: (_, r) => nextText(phaseOf(r, records, countdownMs)) ?? '—' },
          {
            title: t('emergency.panel.colExpires'),
            render: (_, r) => (r.expiresMs === null ? t('emergency.panel.noExpiry') : formatDateTime(r.expiresMs)),
          },
          {
            key: 'stop',
            render: (_, r) =>
              phaseOf(r, records, countdownMs).kind === 'over' ? null : (
                <Button danger size="small" onClick={() => stop(r)}>
                  {t('emergency.banner.stop')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  )
}
