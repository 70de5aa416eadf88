// Prints one closing line for the whole `npm test` run from the vitest and Playwright JSON
// reports: "tests: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs'

const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}
let passed = 0
let failed = 0
let skipped = 0
const vitest = read('reports/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
}
const e2e = read('reports/playwright.json')
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
console.log(`unit, integration and e2e (vitest ${vitest ? 'ok' : 'missing'}, playwright ${e2e ? 'ok' : 'missing'})`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || !vitest || !e2e ? 1 : 0)
