/**
 * Saves a field as it is typed: `schedule(value)` commits it `delayMs` after the last keystroke;
 * `flush()` commits at once (on blur, Enter). Whatever is still waiting is committed when the
 * component goes away (the officer opens another screen or another item) and when the page is
 * hidden or closed, so a typed value is never lost for want of leaving the field first.
 *
 *   const title = useDebouncedCommit((text) => save({ title: text }))
 *   <Input onChange={(e) => { setText(e.target.value); title.schedule(e.target.value) }} onBlur={title.flush} />
 */
import { useCallback, useEffect, useRef } from 'react'

export const COMMIT_DELAY_MS = 400

export interface DebouncedCommit<T> {
  schedule(value: T): void
  flush(): void
}

export function useDebouncedCommit<T>(commit: (value: T) => void, delayMs = COMMIT_DELAY_MS): DebouncedCommit<T> {
  const latestCommit = useRef(commit)
  const pending = useRef<{ value: T } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    latestCommit.current = commit
  })

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    const waiting = pending.current
    pending.current = null
    if (waiting) latestCommit.current(waiting.value)
  }, [])

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value }
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(flush, delayMs)
    },
    [flush, delayMs],
  )

  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [flush])

  return { schedule, flush }
}
