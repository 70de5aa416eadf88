import { describe, expect, it } from 'vitest'
import { createMutex, createSyncLock } from '../../../../src/renderer/sync/lock'

describe('renderer/sync/lock', () => {
  it('runs tasks one at a time in call order, also after a failure', async () => {
    const run = createMutex()
    const trace: string[] = []
    const task =
      (name: string, fail = false) =>
      async () => {
        trace.push(`${name}:start`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        trace.push(`${name}:end`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([run(task('a')), run(task('b', true)), run(task('c'))])
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })

  it('uses the Web Locks API when the platform has it', async () => {
    const names: string[] = []
    const nav = globalThis.navigator as unknown as { locks?: unknown }
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator')
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: { ...nav, locks: { request: (name: string, cb: () => Promise<unknown>) => (names.push(name), cb()) } },
    })
    try {
      expect(await createSyncLock('daixa-sync')(() => Promise.resolve(42))).toBe(42)
      expect(names).toEqual(['daixa-sync'])
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved)
    }
  })
})
