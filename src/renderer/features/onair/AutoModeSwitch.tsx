/** The switch for automatic playout by the schedule (kept on across restarts). */
import { Card, Space, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAutoSetting, writeAutoSetting } from './useAutomaticPlayout'

export function AutoModeSwitch() {
  const { t } = useTranslation()
  const isOn = useAutoSetting()
  return (
    <Card size="small">
      <Space align="center">
        <Switch
          checked={isOn === true}
          loading={isOn === undefined}
          onChange={(checked) => void writeAutoSetting(checked)}
          aria-label={t('onair.auto.label')}
        />
        <Typography.Text strong>{t('onair.auto.label')}</Typography.Text>
        <Typography.Text type="secondary">{isOn ? t('onair.auto.on') : t('onair.auto.off')}</Typography.Text>
      </Space>
    </Card>
  )
}
