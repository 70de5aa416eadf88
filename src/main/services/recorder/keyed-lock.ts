/** Runs operations one at a time per key; different keys run side by side. */
export interface KeyedLock {
  run<T>(key: string, op: () => Promise<T>): Promise<T>
  /** Resolves when everything queued so far has finished (failures included). */
  idle(): Promise<void>
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>()
  return {
    run(key, op) {
      const run = (tails.get(key) ?? Promise.resolve()).then(op)
      const settled = run.then(
        () => undefined,
        () => undefined,
      )
      tails.set(key, settled)
      void settled.then(() => tails.get(key) === settled && tails.delete(key))
      return run
    },
    async idle() {
      await Promise.all([...tails.values()])
    },
  }
}
