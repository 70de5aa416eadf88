/**
 * The edited take's waveform (wavesurfer.js 7 from mapped peaks, never decoding the file), with a
 * timeline, zoom (slider or Ctrl+wheel), a drag-to-select region and the markers. The audio is the
 * TimelinePlayer, handed to wavesurfer as its media element.
 */
import { Slider } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import WaveSurfer from 'wavesurfer.js'
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions'
import TimelinePlugin from 'wavesurfer.js/plugins/timeline'
import type { Marker } from '../../../shared/editor/edit-list'
import type { TimelinePlayer } from './timeline-player'
import type { Selection } from './useEditor'

export interface EditorWaveformProps {
  player: TimelinePlayer
  peaks: Float32Array
  durationMs: number
  selection: Selection | null
  markers: readonly Marker[]
  onSelect: (selection: Selection | null) => void
  onTime: (ms: number) => void
}

const SELECTION_ID = 'selection'
const MAX_ZOOM = 400

function drawRegions(regions: RegionsPlugin, selection: Selection | null, markers: readonly Marker[]) {
  regions.clearRegions()
  if (selection)
    regions.addRegion({
      id: SELECTION_ID,
      start: selection.startMs / 1000,
      end: selection.endMs / 1000,
      color: 'rgba(250, 173, 20, 0.25)',
    })
  for (const m of markers)
    regions.addRegion({ id: `marker-${m.id}`, start: m.atMs / 1000, content: m.label, color: '#cf1322', drag: false })
}

export function EditorWaveform({
  player,
  peaks,
  durationMs,
  selection,
  markers,
  onSelect,
  onTime,
}: EditorWaveformProps) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const [parts, setParts] = useState<{ ws: WaveSurfer; regions: RegionsPlugin } | null>(null)
  const [zoom, setZoom] = useState(0)
  const callbacks = useRef({ onSelect, onTime })
  useEffect(() => {
    callbacks.current = { onSelect, onTime }
  })

  useEffect(() => {
    const el = box.current
    if (!el) return undefined
    const regions = RegionsPlugin.create()
    const ws = WaveSurfer.create({
      container: el,
      height: 128,
      waveColor: '#69b1ff',
      progressColor: '#0958d9',
      cursorColor: '#001d66',
      normalize: false,
      // The player looks like a media element to wavesurfer (see timeline-player.ts).
      media: player as unknown as HTMLMediaElement,
      plugins: [regions, TimelinePlugin.create()],
    })
    const toSelection = (r: Region): Selection => ({
      startMs: Math.round(r.start * 1000),
      endMs: Math.round(r.end * 1000),
    })
    const offDrag = regions.enableDragSelection({ color: 'rgba(250, 173, 20, 0.25)' })
    const offs = [
      offDrag,
      regions.on('region-created', (r) => {
        if (r.id === SELECTION_ID || r.id.startsWith('marker-')) return
        callbacks.current.onSelect(toSelection(r))
      }),
      regions.on('region-updated', (r) => {
        if (!r.id.startsWith('marker-')) callbacks.current.onSelect(toSelection(r))
      }),
      ws.on('timeupdate', (s) => callbacks.current.onTime(s * 1000)),
    ]
    setParts({ ws, regions })
    return () => {
      offs.forEach((off) => off())
      ws.destroy()
      setParts(null)
    }
  }, [player])

  // New edits: redraw from the mapped peaks at the new length.
  useEffect(() => {
    if (!parts) return
    parts.ws.load('', [peaks], durationMs / 1000).then(
      () => drawRegions(parts.regions, selection, markers),
      () => undefined,
    )
    // Selection and markers are redrawn by the effect below; a reload only follows the peaks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parts, peaks, durationMs])

  useEffect(() => {
    if (parts?.ws.getDecodedData()) drawRegions(parts.regions, selection, markers)
  }, [parts, selection, markers])

  useEffect(() => {
    if (parts?.ws.getDecodedData()) parts.ws.zoom(zoom)
  }, [parts, zoom, peaks])

  // Ctrl+wheel zooms around the waveform; needs a non-passive listener to stop the page zoom.
  useEffect(() => {
    const el = box.current
    if (!el) return undefined
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return
      e.preventDefault()
      setZoom((z) => Math.max(0, Math.min(MAX_ZOOM, Math.round(z + (e.deltaY < 0 ? 10 : -10) * (1 + z / 50)))))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [])

  return (
    <div>
      <div ref={box} role="img" aria-label={t('editor.waveform')} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, maxWidth: 420 }}>
        <span id="editor-zoom-label">{t('editor.zoom')}</span>
        <Slider
          style={{ flex: 1 }}
          min={0}
          max={MAX_ZOOM}
          value={zoom}
          onChange={setZoom}
          // antd puts the slider role on the handle: the label goes there, or the slider has no name.
          ariaLabelledByForHandle="editor-zoom-label"
          tooltip={{ formatter: null }}
        />
      </div>
    </div>
  )
}
