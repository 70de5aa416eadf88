// Writes docs/province-api-v1.openapi.json from the zod contract in src/shared/province (loaded
// through Vite's module runner, so no build step), formatted with the project's Prettier settings.
// tests/unit/shared/province/openapi.test.ts fails when the committed file differs: run this after
// changing the contract.   node scripts/gen-openapi.mjs
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import prettier from 'prettier'
import { runnerImport } from 'vite'

const target = resolve('docs/province-api-v1.openapi.json')
const { module } = await runnerImport('/src/shared/province/openapi.ts', { configFile: false, logLevel: 'silent' })
const options = { ...(await prettier.resolveConfig(target)), filepath: target }
const text = await prettier.format(JSON.stringify(module.buildProvinceOpenApi()), options)
await writeFile(target, text)
console.log(`openapi: wrote ${target} (${Object.keys(module.buildProvinceOpenApi().paths).length} paths)`)
