/**
 * One sync cycle at a time. With the Web Locks API (Chromium, Electron) the lock also holds across
 * windows and workers of the same origin; without it (Node tests) an in-process mutex does, which
 * is enough because the app has one window.
 * Reference: https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API
 */

export type RunExclusive = <T>(task: () => Promise<T>) => Promise<T>

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

/** An in-process mutex: tasks run one after another in call order. */
export function createMutex(): RunExclusive {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

export function createSyncLock(name = 'daixa-sync'): RunExclusive {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  if (locks && typeof locks.request === 'function') {
    return <T>(task: () => Promise<T>) => locks.request(name, task)
  }
  return createMutex()
}
