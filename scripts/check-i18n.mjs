// Fails when a translation key exists in one language but not the other, when code uses a
// literal key that exists in neither, or when an error code has no translated message.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dir = 'src/renderer/i18n/locales'
const flatten = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
const languages = ['vi', 'en']
const problems = []
// One file per feature; a top-level key may live in only one of a language's files.
const readLanguage = (l) => {
  const owner = new Map()
  const merged = {}
  for (const name of readdirSync(join(dir, l))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const tree = JSON.parse(readFileSync(join(dir, l, name), 'utf8'))
    for (const top of Object.keys(tree)) {
      if (owner.has(top)) problems.push(`${l}: top-level key "${top}" is in both ${owner.get(top)} and ${name}`)
      owner.set(top, name)
    }
    Object.assign(merged, tree)
  }
  return merged
}
const keys = Object.fromEntries(languages.map((l) => [l, new Set(flatten(readLanguage(l)))]))
const fileSets = languages.map((l) => readdirSync(join(dir, l)).sort().join(','))
if (fileSets[0] !== fileSets[1])
  problems.push(`locales/vi and locales/en hold different files: ${fileSets.join(' | ')}`)
for (const a of languages)
  for (const b of languages)
    for (const k of keys[a]) if (!keys[b].has(k)) problems.push(`key "${k}" is in ${a} but missing in ${b}`)

const walk = (d) =>
  readdirSync(d).flatMap((n) => {
    const p = join(d, n)
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(n) ? [p] : []
  })
for (const file of walk('src/renderer')) {
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
    if (!keys.vi.has(m[1]) && !keys.vi.has(`${m[1]}_one`)) problems.push(`${file}: t('${m[1]}') has no translation`)
  }
  for (const m of text.matchAll(/\b(?:setProblem|t)\(\s*'([a-zA-Z0-9_.-]+\.[a-zA-Z0-9_-]+)'\s*\)/g)) {
    if (!keys.vi.has(m[1])) problems.push(`${file}: '${m[1]}' has no translation`)
  }
}
// Every error code the host can answer with must have a message the officer can read.
const resultTs = readFileSync('src/shared/result.ts', 'utf8')
const codes = [...(resultTs.match(/errorCodes = \[([^\]]+)\]/)?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1])
if (codes.length === 0) problems.push('could not read errorCodes from src/shared/result.ts')
const captureTs = readFileSync('src/renderer/audio/capture/capture.ts', 'utf8')
const captureCodes = [...(captureTs.match(/CaptureErrorCode = ([^\n]+)/)?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map(
  (m) => m[1],
)
for (const code of [...codes, ...captureCodes, 'mic-lost', 'playback'])
  for (const l of languages) if (!keys[l].has(`errors.${code}`)) problems.push(`errors.${code} is missing in ${l}.json`)

if (problems.length > 0) {
  console.error(`i18n: ${problems.length} problem(s)\n${problems.join('\n')}`)
  process.exit(1)
}
console.log(
  `i18n: ${keys.vi.size} keys, vi and en complete; ${codes.length + captureCodes.length} error codes translated`,
)
