/**
 * End-to-end specs, written once against the app's screens.
 * - `browser-host` (default): the built browser host + Debian's Chromium with a fake microphone.
 * - `electron`: the same specs against the real Electron app, with DAIXA_E2E_ELECTRON=1 on a
 *   machine where the Electron binary exists (`npx electron --version` works). Not run on the
 *   project's build machines, where the Electron binary cannot be downloaded.
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, FAKE_MIC_ARGS } from './tests/e2e/support/paths'

const isElectron = process.env.DAIXA_E2E_ELECTRON === '1'

export default defineConfig({
  testDir: './tests/e2e/specs',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  retries: 0,
  use: { trace: 'retain-on-failure' },
  projects: isElectron
    ? [
        // The Electron host grants the microphone to its own origin by design (its permission
        // handler), so the "microphone refused" spec only applies to a browser. A page process
        // killed under a living host, and a host restarted under a living page, exist only in the
        // browser host (Electron's window-owner.ts is covered by its unit test).
        {
          name: 'electron',
          testIgnore: /(microphone-denied|page-crash|host-outage)\.spec\.ts$/,
        },
      ]
    : [
        {
          name: 'browser-host',
          use: {
            browserName: 'chromium',
            launchOptions: {
              executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
              args: [...CHROMIUM_ARGS, ...FAKE_MIC_ARGS],
            },
          },
        },
      ],
})
