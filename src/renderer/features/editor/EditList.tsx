/** What the officer has done so far, one line per operation, and the markers with their labels. */
import { DeleteOutlined } from '@ant-design/icons'
import { Button, Input, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EditList as EditListValue, Marker } from '../../../shared/editor/edit-list'
import { formatPrecise } from './format-precise'
import { describeOperation } from './operation-text'

export interface EditListProps {
  list: EditListValue
  onSeek: (ms: number) => void
  onMarkers: (markers: Marker[]) => void
}

export function EditList({ list, onSeek, onMarkers }: EditListProps) {
  const { t, i18n } = useTranslation()
  const rename = (id: string, label: string) =>
    onMarkers(list.markers.map((m) => (m.id === id ? { ...m, label: label.slice(0, 100) } : m)))
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <section aria-label={t('editor.operations')} style={{ flex: 1, minWidth: 280 }}>
        <Typography.Title level={5}>{t('editor.operations')}</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={list.ops.map((op, i) => ({ op, i }))}
          locale={{ emptyText: t('editor.noOperations') }}
          renderItem={({ op, i }) => (
            <List.Item>
              {i + 1}. {describeOperation(op, t, i18n.language)}
            </List.Item>
          )}
        />
      </section>
      <section aria-label={t('editor.markers')} style={{ flex: 1, minWidth: 280 }}>
        <Typography.Title level={5}>{t('editor.markers')}</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={list.markers}
          locale={{ emptyText: t('editor.noMarkers') }}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('editor.removeMarker')}
                  onClick={() => onMarkers(list.markers.filter((x) => x.id !== m.id))}
                />,
              ]}
            >
              <Button type="link" onClick={() => onSeek(m.atMs)}>
                {formatPrecise(m.atMs, i18n.language)}
              </Button>
              <Input
                size="small"
                aria-label={t('editor.markerLabel')}
                defaultValue={m.label}
                maxLength={100}
                onBlur={(e) => e.target.value !== m.label && rename(m.id, e.target.value)}
              />
            </List.Item>
          )}
        />
      </section>
    </div>
  )
}
