import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../../../src/main/services/logger'
import {
  createUpdatePolicy,
  type PolicyTimers,
  type UpdatePolicyOptions,
} from '../../../../../src/main/services/updater/update-policy'

/** A clock that moves only when the test says so, running due timers in order. */
function manualTimers() {
  let now = 0
  let nextId = 1
  const pending = new Map<number, { at: number; callback: () => void }>()
  const timers: PolicyTimers = {
    setTimeout(callback, ms) {
      const id = nextId++
      pending.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout(handle) {
      pending.delete(handle as number)
    },
    now: () => now,
  }
  return {
    timers,
    pendingCount: () => pending.size,
    async advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        pending.delete(due[0])
        now = due[1].at
        due[1].callback()
        // Let the check's promise chain settle before looking for the next timer.
        for (let i = 0; i < 10; i++) await Promise.resolve()
      }
      now = until
    },
  }
}

const HOUR = 3_600_000

function setup(overrides: Partial<UpdatePolicyOptions> = {}) {
  const clock = manualTimers()
  const lines: string[] = []
  let checks = 0
  let isOnAir = false
  let failNext = false
  const policy = createUpdatePolicy({
    isOnAir: () => isOnAir,
    check: () => {
      checks++
      if (!failNext) return Promise.resolve()
      failNext = false
      return Promise.reject(new Error('getaddrinfo ENOTFOUND updates.example.vn'))
    },
    log: createLogger((_level, line) => lines.push(line)),
    intervalMs: 6 * HOUR,
    startDelayMs: 120_000,
    retryMs: HOUR / 2,
    timers: clock.timers,
    ...overrides,
  })
  return {
    policy,
    clock,
    lines,
    checks: () => checks,
    setOnAir: (value: boolean) => (isOnAir = value),
    failNextCheck: () => (failNext = true),
  }
}

describe('update-policy', () => {
  it('never checks when no feed URL is set', async () => {
    const { policy, clock, checks } = setup()
    await clock.advance(48 * HOUR)
    expect(checks()).toBe(0)
    expect(policy.status().phase).toBe('disabled')
    expect(await policy.checkNow()).toMatchObject({ phase: 'disabled' })
    expect(checks()).toBe(0)
  })

  it('checks shortly after start and then every interval when a feed URL is set', async () => {
    const { policy, clock, checks } = setup()
    policy.setFeedUrl('https://updates.example.vn/daixa/')
    expect(policy.status().nextCheckAt).toBe(120_000)
    await clock.advance(119_999)
    expect(checks()).toBe(0)
    await clock.advance(1)
    expect(checks()).toBe(1)
    expect(policy.status()).toMatchObject({ phase: 'idle', lastCheckAt: 120_000, nextCheckAt: 120_000 + 6 * HOUR })
    await clock.advance(6 * HOUR)
    expect(checks()).toBe(2)
    await clock.advance(12 * HOUR)
    expect(checks()).toBe(4)
  })

  it('retries sooner after a failed check, then goes back to the normal interval', async () => {
    const { policy, clock, checks, failNextCheck, lines } = setup()
    policy.setFeedUrl('https://updates.example.vn/daixa/')
    failNextCheck()
    await clock.advance(120_000)
    expect(policy.status()).toMatchObject({ phase: 'failed', lastError: 'getaddrinfo ENOTFOUND updates.example.vn' })
    expect(lines.some((l) => l.startsWith('updater: check failed'))).toBe(true)
    await clock.advance(HOUR / 2)
    expect(checks()).toBe(2)
    expect(policy.status().phase).toBe('idle')
    await clock.advance(HOUR / 2)
    expect(checks()).toBe(2)
  })

  it('stops checking when the feed URL is cleared and restarts when a new one is set', async () => {
    const { policy, clock, checks } = setup()
    policy.setFeedUrl('https://a.example.vn/')
    await clock.advance(120_000)
    policy.setFeedUrl(null)
    expect(policy.status()).toMatchObject({ phase: 'disabled', nextCheckAt: null })
    await clock.advance(24 * HOUR)
    expect(checks()).toBe(1)
    policy.setFeedUrl('https://b.example.vn/')
    await clock.advance(120_000)
    expect(checks()).toBe(2)
    expect(policy.status().feedUrl).toBe('https://b.example.vn/')
  })

  it('keeps its schedule when the same feed URL is set again', async () => {
    const { policy, clock, checks } = setup()
    policy.setFeedUrl('https://a.example.vn/')
    await clock.advance(60_000)
    policy.setFeedUrl('https://a.example.vn/')
    await clock.advance(60_000)
    expect(checks()).toBe(1)
  })

  it('runs one check when the officer asks while a check is already running', async () => {
    let release: () => void = () => undefined
    let calls = 0
    const { policy } = setup({
      check: () => {
        calls++
        return new Promise<void>((resolve) => (release = resolve))
      },
    })
    policy.setFeedUrl('https://a.example.vn/')
    const first = policy.checkNow()
    const second = policy.checkNow()
    expect(policy.status().phase).toBe('checking')
    release()
    await Promise.all([first, second])
    expect(calls).toBe(1)
    expect(policy.status().phase).toBe('idle')
  })

  it('treats a check that throws at once like a failed check', async () => {
    const { policy, clock } = setup({
      check: () => {
        throw new Error('updater not configured')
      },
    })
    policy.setFeedUrl('https://a.example.vn/')
    expect(await policy.checkNow()).toMatchObject({ phase: 'failed', lastError: 'updater not configured' })
    expect(policy.status().nextCheckAt).toBe(clock.timers.now() + HOUR / 2)
  })

  it('follows the updater through available, downloading and downloaded', () => {
    const { policy } = setup()
    policy.setFeedUrl('https://a.example.vn/')
    policy.onAvailable('1.2.0')
    expect(policy.status()).toMatchObject({ phase: 'downloading', availableVersion: '1.2.0' })
    policy.onDownloaded('1.2.0')
    expect(policy.status()).toMatchObject({ phase: 'downloaded', downloadedVersion: '1.2.0' })
    policy.onNotAvailable()
    policy.onError('network down')
    expect(policy.status()).toMatchObject({ phase: 'downloaded', lastError: 'network down' })
  })

  it('retries after a failed background download', async () => {
    const { policy, clock, checks } = setup()
    policy.setFeedUrl('https://a.example.vn/')
    await clock.advance(120_000)
    policy.onAvailable('1.2.0')
    policy.onError('sha512 checksum mismatch')
    expect(policy.status()).toMatchObject({ phase: 'failed', nextCheckAt: clock.timers.now() + HOUR / 2 })
    await clock.advance(HOUR / 2)
    expect(checks()).toBe(2)
  })

  it('refuses to install when nothing is downloaded', () => {
    const { policy } = setup()
    expect(policy.decideInstall('officer')).toEqual({ allowed: false, reason: 'nothing-downloaded' })
    expect(policy.decideInstall('quit')).toEqual({ allowed: false, reason: 'nothing-downloaded' })
  })

  it('refuses to install while on air, for the officer and on quit', () => {
    const { policy, setOnAir, lines } = setup()
    policy.onDownloaded('1.2.0')
    setOnAir(true)
    expect(policy.decideInstall('officer')).toEqual({ allowed: false, reason: 'on-air' })
    expect(policy.decideInstall('quit')).toEqual({ allowed: false, reason: 'on-air' })
    expect(lines).toContain('updater: 1.2.0 not installed (quit): the station is on air')
  })

  it('allows the install when an update is downloaded and the station is off air', () => {
    const { policy, setOnAir } = setup()
    policy.onDownloaded('1.2.0')
    setOnAir(true)
    expect(policy.decideInstall('officer').allowed).toBe(false)
    setOnAir(false)
    expect(policy.decideInstall('officer')).toEqual({ allowed: true, version: '1.2.0' })
    expect(policy.decideInstall('quit')).toEqual({ allowed: true, version: '1.2.0' })
  })

  it('takes the station to be on air when isOnAir throws', () => {
    const { policy } = setup({
      isOnAir: () => {
        throw new Error('playout state unknown')
      },
    })
    policy.onDownloaded('1.2.0')
    expect(policy.decideInstall('officer')).toEqual({ allowed: false, reason: 'on-air' })
  })

  it('cancels the next check when stopped', async () => {
    const { policy, clock, checks } = setup()
    policy.setFeedUrl('https://a.example.vn/')
    policy.stop()
    expect(clock.pendingCount()).toBe(0)
    await clock.advance(24 * HOUR)
    expect(checks()).toBe(0)
  })
})
