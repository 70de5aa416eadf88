/**
 * The bulletin's parts in order. Reorder by dragging a row (native HTML5 drag and drop, no
 * library) or, from the keyboard, with the up/down buttons; each part after the first has its
 * joint (gap or crossfade) beside it.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons'
import { Button, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulletinPart, Joint } from '../../../shared/editor/bulletin'
import { formatDuration } from '../../components/format'
import { JointControl } from './JointControl'

export interface PartListProps {
  parts: readonly BulletinPart[]
  starts: readonly number[]
  onMove: (from: number, to: number) => void
  onJoint: (index: number, joint: Joint) => void
  onRemove: (index: number) => void
}

export function PartList({ parts, starts, onMove, onJoint, onRemove }: PartListProps) {
  const { t } = useTranslation()
  const [dragging, setDragging] = useState<number | null>(null)
  const [over, setOver] = useState<number | null>(null)

  const drop = (to: number) => {
    if (dragging !== null && dragging !== to) onMove(dragging, to)
    setDragging(null)
    setOver(null)
  }

  return (
    <List
      bordered
      aria-label={t('bulletins.parts')}
      locale={{ emptyText: t('bulletins.noParts') }}
      dataSource={[...parts]}
      rowKey={(p) => p.id}
      renderItem={(part, i) => (
        <List.Item
          draggable
          aria-label={t('bulletins.partRow', { n: i + 1, title: part.title })}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move'
            e.dataTransfer.setData('text/plain', String(i))
            setDragging(i)
          }}
          onDragOver={(e) => {
            e.preventDefault()
            setOver(i)
          }}
          onDragEnd={() => setDragging(null)}
          onDrop={(e) => {
            e.preventDefault()
            drop(i)
          }}
          style={{ background: over === i && dragging !== null ? '#e6f4ff' : undefined, cursor: 'grab' }}
          actions={[
            <Button
              key="up"
              icon={<ArrowUpOutlined />}
              disabled={i === 0}
              aria-label={t('bulletins.moveUp', { title: part.title })}
              onClick={() => onMove(i, i - 1)}
            />,
            <Button
              key="down"
              icon={<ArrowDownOutlined />}
              disabled={i === parts.length - 1}
              aria-label={t('bulletins.moveDown', { title: part.title })}
              onClick={() => onMove(i, i + 1)}
            />,
            <Button
              key="remove"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('bulletins.removePart', { title: part.title })}
              onClick={() => onRemove(i)}
            />,
          ]}
        >
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <HolderOutlined aria-hidden />
              <Typography.Text strong>{`${i + 1}. ${part.title}`}</Typography.Text>
              <Tag>{t(`bulletins.kinds.${part.kind}`)}</Tag>
              <Typography.Text type="secondary">
                {t('bulletins.partTiming', {
                  start: formatDuration(starts[i] ?? 0),
                  duration: formatDuration(part.durationMs),
                })}
              </Typography.Text>
            </Space>
            {i > 0 && <JointControl joint={part.joint} partTitle={part.title} onChange={(j) => onJoint(i, j)} />}
          </Space>
        </List.Item>
      )}
    />
  )
}
