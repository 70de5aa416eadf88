/** The actions on the selection (delete, keep, silence, fades, gain), markers, undo/redo and play. */
import {
  DeleteOutlined,
  FlagOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  ScissorOutlined,
  UndoOutlined,
} from '@ant-design/icons'
import { Button, InputNumber, Space, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditOp } from '../../../shared/editor/edit-list'
import { DecimalInput } from '../../components/DecimalInput'
import type { Selection } from './useEditor'

export interface EditorToolbarProps {
  selection: Selection | null
  playheadMs: number
  isPlaying: boolean
  canUndo: boolean
  canRedo: boolean
  onPlayPause: () => void
  onEdit: (op: EditOp) => void
  onUndo: () => void
  onRedo: () => void
  onAddMarker: () => void
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation()
  const { selection: sel, onEdit } = props
  const [silenceS, setSilenceS] = useState(1)
  const [gainDb, setGainDb] = useState(3)
  const span = sel ? { startMs: sel.startMs, endMs: sel.endMs } : null
  const needs = !span

  return (
    <Space wrap>
      <Button
        size="large"
        type="primary"
        icon={props.isPlaying ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
        onClick={props.onPlayPause}
      >
        {props.isPlaying ? t('editor.pause') : t('editor.play')}
      </Button>
      <Button
        icon={<DeleteOutlined />}
        danger
        disabled={needs}
        onClick={() => span && onEdit({ kind: 'delete', ...span })}
      >
        {t('editor.delete')}
      </Button>
      <Button icon={<ScissorOutlined />} disabled={needs} onClick={() => span && onEdit({ kind: 'keep', ...span })}>
        {t('editor.keep')}
      </Button>
      <Button disabled={needs} onClick={() => span && onEdit({ kind: 'fade', ...span, direction: 'in' })}>
        {t('editor.fadeIn')}
      </Button>
      <Button disabled={needs} onClick={() => span && onEdit({ kind: 'fade', ...span, direction: 'out' })}>
        {t('editor.fadeOut')}
      </Button>
      <Space.Compact>
        <InputNumber
          aria-label={t('editor.gainDb')}
          min={-30}
          max={20}
          step={1}
          value={gainDb}
          onChange={(v) => v !== null && setGainDb(v)}
          suffix="dB"
          style={{ width: 110 }}
        />
        <Button disabled={needs} onClick={() => span && gainDb !== 0 && onEdit({ kind: 'gain', ...span, db: gainDb })}>
          {t('editor.gain')}
        </Button>
      </Space.Compact>
      <Space.Compact>
        <DecimalInput
          aria-label={t('editor.silenceSeconds')}
          min={0.1}
          max={60}
          step={0.5}
          value={silenceS}
          onChange={(v) => v !== null && setSilenceS(v)}
          suffix="s"
          style={{ width: 100 }}
        />
        <Button
          onClick={() =>
            onEdit({
              kind: 'insert-silence',
              atMs: Math.round(sel ? sel.startMs : props.playheadMs),
              durationMs: Math.max(1, Math.round(silenceS * 1000)),
            })
          }
        >
          {t('editor.insertSilence')}
        </Button>
      </Space.Compact>
      <Button icon={<FlagOutlined />} onClick={props.onAddMarker}>
        {t('editor.addMarker')}
      </Button>
      <Tooltip title="Ctrl+Z">
        <Button icon={<UndoOutlined />} disabled={!props.canUndo} onClick={props.onUndo}>
          {t('editor.undo')}
        </Button>
      </Tooltip>
      <Tooltip title="Ctrl+Y">
        <Button icon={<RedoOutlined />} disabled={!props.canRedo} onClick={props.onRedo}>
          {t('editor.redo')}
        </Button>
      </Tooltip>
    </Space>
  )
}
