/** One line per operation of the edit list, in the officer's language, for the operations list. */
import type { TFunction } from 'i18next'
import type { EditOp } from '../../../shared/editor/edit-list'
import { formatPrecise } from './format-precise'

export function describeOperation(op: EditOp, t: TFunction, language: string): string {
  const f = (ms: number) => formatPrecise(ms, language)
  switch (op.kind) {
    case 'delete':
      return t('editor.ops.delete', { from: f(op.startMs), to: f(op.endMs) })
    case 'keep':
      return t('editor.ops.keep', { from: f(op.startMs), to: f(op.endMs) })
    case 'insert-silence':
      return t('editor.ops.silence', { at: f(op.atMs), duration: f(op.durationMs) })
    case 'fade':
      return t(op.direction === 'in' ? 'editor.ops.fadeIn' : 'editor.ops.fadeOut', {
        from: f(op.startMs),
        to: f(op.endMs),
      })
    case 'gain':
      return t('editor.ops.gain', { from: f(op.startMs), to: f(op.endMs), db: op.db })
  }
}
