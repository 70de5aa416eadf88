// Type-checks each runtime with its own tsconfig: shared (pure), main (Node + Electron types),
// preload (sandboxed Electron), web (renderer, DOM), tests (Node + DOM).
import { spawnSync } from 'node:child_process'

const projects = ['shared', 'main', 'preload', 'web', 'tests']
let failed = false
for (const name of projects) {
  const r = spawnSync('npx', ['tsc', '-p', `tsconfig.${name}.json`], { stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`typecheck: tsconfig.${name}.json failed`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
