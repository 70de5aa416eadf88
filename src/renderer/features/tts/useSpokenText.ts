/**
 * The notice box's text as the screen uses it, without holding up typing: the script and length
 * checks (cheap) follow the typing as a deferred value; the normalised words the voice reads (tens
 * of milliseconds for a long text, more on a busy laptop) are computed once typing has paused.
 * `isSettled` says the words are those of the text as it is now (speak only then).
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import { checkText } from '../../../shared/tts/script-check'
import { prepareText, type PreparedText } from './tts-text'

/** Pause in typing after which the words to read are computed. */
const SETTLE_MS = 300

export function useSpokenText(text: string): { prepared: PreparedText; isSettled: boolean } {
  const deferred = useDeferredValue(text)
  const check = useMemo(() => checkText(deferred), [deferred])
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [text])
  const spoken = useMemo(() => prepareText(settled).spoken, [settled])
  return {
    prepared: { ...check, spoken: check.refusal ? '' : spoken },
    isSettled: settled === text && deferred === text,
  }
}
