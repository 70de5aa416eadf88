/**
 * Biên tập: the non-destructive editor for one announcement. The waveform and playback show the
 * EDITED take; the original file is never changed, only the edit list stored with the announcement.
 */
import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons'
import { Alert, Button, Descriptions, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newId } from '../../../shared/ids'
import { useAppInfo } from '../library/useAppInfo'
import { EditList } from './EditList'
import { EditorToolbar } from './EditorToolbar'
import { EditorWaveform } from './EditorWaveform'
import { formatPrecise } from './format-precise'
import { LoudnessPanel } from './LoudnessPanel'
import { nudgeSelection } from './selection-nudge'
import { SelectionFields } from './SelectionFields'
import { useEditor } from './useEditor'
import { useEditorKeyboard } from './useEditorKeyboard'
import { useTimelinePlayer } from './useTimelinePlayer'

export interface EditorPageProps {
  announcementId: string
  onBack: () => void
  onMetadata: (id: string) => void
}

const saveColors = { saved: 'green', saving: 'blue', failed: 'red' } as const

export function EditorPage({ announcementId, onBack, onMetadata }: EditorPageProps) {
  const { t, i18n } = useTranslation()
  const info = useAppInfo()
  const editor = useEditor(announcementId)
  const { announcement, list, selection, durationMs } = editor
  const url = info && announcement ? `${info.mediaBaseUrl}${announcement.mediaHash}.wav` : null
  const { player, isPlaying, problem } = useTimelinePlayer(url, editor.segments, list?.processing.normalizeGainDb ?? 0)
  const [playheadMs, setPlayheadMs] = useState(0)

  const playPause = () => void (player?.paused ? player.play() : player?.pause())
  const seek = (ms: number) => player?.seekTo(ms)
  const addMarker = () =>
    editor.change((l) => ({
      ...l,
      markers: [...l.markers, { id: newId(), atMs: Math.round(playheadMs), label: '' }].sort((a, b) => a.atMs - b.atMs),
    }))
  useEditorKeyboard({
    playPause,
    deleteSelection: () => selection && editor.edit({ kind: 'delete', ...selection }),
    undo: editor.undo,
    redo: editor.redo,
    nudge: (edge, delta) => editor.setSelection(nudgeSelection(selection, edge, delta, durationMs, playheadMs)),
  })

  if (!announcement || !list) return <Spin size="large" />
  const fmt = (ms: number) => formatPrecise(ms, i18n.language)
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('editor.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('editor.title', { title: announcement.title })}
        </Typography.Title>
        <Button icon={<FormOutlined />} onClick={() => onMetadata(announcement.id)}>
          {t('editor.metadata.open')}
        </Button>
        <Tag color={saveColors[editor.saveState]}>{t(`editor.save.${editor.saveState}`)}</Tag>
      </Space>
      {(problem ?? editor.problem) && <Alert type="error" showIcon message={t(problem ?? editor.problem ?? '')} />}
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('editor.originalDuration')}>
          <span aria-label={t('editor.originalDuration')}>{fmt(list.sourceDurationMs)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.editedDuration')}>
          <span aria-label={t('editor.editedDuration')}>{fmt(durationMs)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.position')}>
          <span aria-label={t('editor.position')}>{fmt(playheadMs)}</span>
        </Descriptions.Item>
      </Descriptions>
      {player && editor.editedPeaks ? (
        <EditorWaveform
          player={player}
          peaks={editor.editedPeaks}
          durationMs={durationMs}
          selection={selection}
          markers={list.markers}
          onSelect={editor.setSelection}
          onTime={setPlayheadMs}
        />
      ) : (
        <Spin />
      )}
      <SelectionFields selection={selection} durationMs={durationMs} onChange={editor.setSelection} />
      <EditorToolbar
        selection={selection}
        playheadMs={playheadMs}
        isPlaying={isPlaying}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onPlayPause={playPause}
        onEdit={editor.edit}
        onUndo={editor.undo}
        onRedo={editor.redo}
        onAddMarker={addMarker}
      />
      <Typography.Text type="secondary">{t('editor.keysHelp')}</Typography.Text>
      <LoudnessPanel editor={editor} playheadMs={playheadMs} />
      <EditList list={list} onSeek={seek} onMarkers={(markers) => editor.change((l) => ({ ...l, markers }))} />
    </Space>
  )
}
