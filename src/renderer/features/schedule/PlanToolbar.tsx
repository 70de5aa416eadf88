/** The schedule's week tools: add a session, the session templates, copy the day, copy the week. */
import { CopyOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'

interface PlanToolbarProps {
  onAddSession: () => void
  onTemplates: () => void
  onCopyDay: () => void
  onCopyWeek: () => void
}

export function PlanToolbar({ onAddSession, onTemplates, onCopyDay, onCopyWeek }: PlanToolbarProps) {
  const { t } = useTranslation()
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Button icon={<PlusOutlined />} onClick={onAddSession}>
        {t('plan.session.add')}
      </Button>
      <Button icon={<SnippetsOutlined />} onClick={onTemplates}>
        {t('plan.templates.open')}
      </Button>
      <Button icon={<CopyOutlined />} onClick={onCopyDay}>
        {t('plan.copy.day')}
      </Button>
      <Button icon={<CopyOutlined />} onClick={onCopyWeek}>
        {t('plan.copy.week')}
      </Button>
    </Space>
  )
}
