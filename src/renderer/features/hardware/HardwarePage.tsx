/** Thiết bị: the station's relay boards, RDS encoders and exciters; add, edit, test, remove. */
import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import { errorCodeOf } from '../../bridge/bridge'
import { DeviceFormModal } from './DeviceFormModal'
import { DeviceTable } from './DeviceTable'
import { useHardware } from './useHardware'

type Editing = { config: DeviceConfig | null } | null

export function HardwarePage() {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const { devices, loadError, tests, ports, save, remove, test, detectPorts } = useHardware()
  const [editing, setEditing] = useState<Editing>(null)

  const confirmRemove = (config: DeviceConfig) =>
    modal.confirm({
      title: t('hardware.confirmRemove', { name: config.name }),
      content: t('hardware.confirmRemoveDetail'),
      okText: t('hardware.remove'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('common.cancel'),
      cancelButtonProps: { size: 'large' },
      onOk: () =>
        remove(config.id).then(
          () => void message.success(t('hardware.removed')),
          (error: unknown) => {
            const code = errorCodeOf(error)
            void message.error(code === 'conflict' ? t('hardware.removeConflict') : t(`errors.${code}`))
          },
        ),
    })

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('hardware.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing({ config: null })}>
          {t('hardware.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('hardware.intro')}
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon message={t(`errors.${loadError}`)} style={{ marginBottom: 16 }} />}
      <DeviceTable
        devices={devices}
        tests={tests}
        onTest={(id) => void test(id)}
        onEdit={(config) => setEditing({ config })}
        onRemove={confirmRemove}
      />
      {editing && (
        <DeviceFormModal
          editing={editing.config}
          devices={(devices ?? []).map((d) => d.config)}
          ports={ports}
          onDetectPorts={() => void detectPorts()}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
