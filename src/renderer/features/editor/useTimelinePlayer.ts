/** Opens the take's WAV for the preview player, keeps the player on the current timeline, and stops it on leave. */
import { useEffect, useState } from 'react'
import type { Segment } from '../../../shared/editor/edit-list'
import { TimelinePlayer } from './timeline-player'
import { openWavSource } from './wav-source'

export function useTimelinePlayer(url: string | null, segments: Segment[], gainDb: number) {
  const [player, setPlayer] = useState<TimelinePlayer | null>(null)
  const [isPlaying, setPlaying] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!url) return undefined
    let live = true
    let made: TimelinePlayer | null = null
    const offs: (() => void)[] = []
    openWavSource(url)
      .then((source) => {
        if (!live) return
        made = new TimelinePlayer(source)
        offs.push(
          made.addEventListener('play', () => setPlaying(true)),
          made.addEventListener('pause', () => setPlaying(false)),
        )
        setPlayer(made)
      })
      .catch(() => live && setProblem('editor.errors.media'))
    return () => {
      live = false
      offs.forEach((off) => off())
      made?.destroy()
      setPlayer(null)
    }
  }, [url])

  useEffect(() => {
    player?.setTimeline(segments, gainDb)
  }, [player, segments, gainDb])

  return { player, isPlaying, problem }
}
