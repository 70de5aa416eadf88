/**
 * `npm run bench:emergency`: the emergency latency benchmark (emergency-bench.spec.ts) with the
 * e2e suite's hosts — the built browser host and Debian's Chromium — and its global setup.
 */
import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'emergency-bench.spec.ts',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 600_000,
  reporter: [['list']],
})
