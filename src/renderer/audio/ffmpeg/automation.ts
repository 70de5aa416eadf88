/**
 * The job API on `window.daixaAudio`, only when the page was opened with `?automation` (the e2e
 * specs and the benchmark drive ffmpeg.wasm in Chromium through it). It gives a script nothing
 * the renderer's own code does not already have: same origin, same CSP.
 */
import { decodeArgs } from '../../../shared/audio/decode-args'
import { editedDuration, toTimeline } from '../../../shared/editor/edit-list'
import { fileMeasureArgs, measureArgs, renderArgs } from '../../../shared/editor/render-graph'
import * as api from './index'

declare global {
  interface Window {
    daixaAudio?: typeof automationApi
  }
}

/** The jobs, plus the pure argument builders so a benchmark can run the same commands natively. */
const automationApi = { ...api, editedDuration, toTimeline, decodeArgs, measureArgs, renderArgs, fileMeasureArgs }

export function installAutomation(): () => void {
  if (!new URLSearchParams(window.location.search).has('automation')) return () => undefined
  window.daixaAudio = automationApi
  return () => {
    delete window.daixaAudio
  }
}
