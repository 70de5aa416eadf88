import { CHROMIUM_ARGS } from '../support/paths'
import { expect, test } from '../fixtures'
import { RecordScreen } from '../pages/RecordScreen'
import { vi } from '../support/strings'

// A browser that refuses the microphone: no fake-UI flag and no permission granted.
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream'],
  },
})

test('explains in Vietnamese what to do when the microphone is not allowed, and saves nothing', async ({ station }) => {
  const record = new RecordScreen(station.page, vi)
  await expect(record.alert()).toContainText(vi('errors.mic-permission'))
  await expect(record.startButton()).toBeDisabled()
  await expect(record.heading()).toBeVisible()
  expect(station.mediaFiles()).toHaveLength(0)
})
