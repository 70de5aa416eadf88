/**
 * An overview card listing names (hamlets, clusters), or "none". A long list scrolls inside the
 * card (focusable, so the keyboard scrolls it too) instead of pushing the table off the screen.
 */
import { Card, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface NameListCardProps {
  title: string
  names: string[]
  extra?: ReactNode
}

export function NameListCard({ title, names, extra }: NameListCardProps) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={title} extra={extra} role="region" aria-label={title} style={{ height: '100%' }}>
      {names.length === 0 ? (
        <Typography.Text type="secondary">{t('clusters.overview.none')}</Typography.Text>
      ) : (
        <ul tabIndex={0} style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflowY: 'auto' }}>
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </Card>
  )
}
