/**
 * Lanes on one link: the sync's own requests (push, pull, observations) are the foreground lane;
 * programme downloads take what is left. While a foreground request is in flight a download stops
 * reading its answer — TCP flow control then stops the sender too, so the link is the pull's — and
 * it reads on when the request is answered. An optional cap (bytes per second) limits downloads
 * at all times. A long-poll pull that is only waiting for news is not foreground: it moves no
 * bytes, and downloads would otherwise never run.
 */
export interface BandwidthGate {
  /** Runs a foreground request; downloads hold back until it is answered. */
  foreground<T>(run: () => Promise<T>): Promise<T>
  /** A download's next `bytes`: waits while foreground requests run, then for the cap. */
  pass(bytes: number): Promise<void>
  /** Downloads' cap in bytes per second; null = none. */
  setRate(bytesPerSecond: number | null): void
  isBusy(): boolean
}

export interface BandwidthGateOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Longest a download holds back for one foreground request (a hung request must not stop them). */
  maxHoldMs?: number
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function createBandwidthGate(options: BandwidthGateOptions = {}): BandwidthGate {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const maxHoldMs = options.maxHoldMs ?? 60_000
  let busy = 0
  let rate: number | null = null
  /** The instant the cap allows the next byte (token bucket with no burst beyond 250 ms). */
  let nextFree = 0
  let released: Array<() => void> = []

  const whenFree = (): Promise<void> =>
    busy === 0
      ? Promise.resolve()
      : Promise.race([new Promise<void>((resolve) => released.push(resolve)), sleep(maxHoldMs)])

  return {
    async foreground(run) {
      busy += 1
      try {
        return await run()
      } finally {
        busy -= 1
        if (busy === 0) {
          const waiting = released
          released = []
          for (const wake of waiting) wake()
        }
      }
    },
    async pass(bytes) {
      await whenFree()
      if (rate === null || rate <= 0) return
      const t = now()
      nextFree = Math.max(nextFree, t - 250) + (bytes / rate) * 1000
      if (nextFree > t) await sleep(nextFree - t)
    },
    setRate(bytesPerSecond) {
      rate = bytesPerSecond
    },
    isBusy: () => busy > 0,
  }
}
