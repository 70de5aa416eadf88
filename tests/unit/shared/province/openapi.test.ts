import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { provinceApi } from '../../../../src/shared/province/api'
import { buildProvinceOpenApi, type OpenApiDocument } from '../../../../src/shared/province/openapi'

const COMMITTED = resolve('docs/province-api-v1.openapi.json')

async function formatted(doc: OpenApiDocument): Promise<string> {
  const options = { ...(await prettier.resolveConfig(COMMITTED)), filepath: COMMITTED }
  return prettier.format(JSON.stringify(doc), options)
}

function component(doc: OpenApiDocument, ref: string): Record<string, unknown> {
  const id = ref.replace('#/components/schemas/', '')
  const schema = doc.components.schemas[id]
  if (!schema) throw new Error(`missing component ${id}`)
  return schema
}

describe('province openapi', () => {
  const doc = buildProvinceOpenApi()

  it('matches the committed document (run node scripts/gen-openapi.mjs when it does not)', async () => {
    const committed = await readFile(COMMITTED, 'utf8')
    expect(committed).toBe(await formatted(doc))
  })

  it('lists every route of provinceApi with its method, operation id and auth', () => {
    for (const [name, route] of Object.entries(provinceApi)) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()]
      expect(operation, `${route.method} ${route.path}`).toBeDefined()
      expect(operation?.operationId).toBe(name)
      expect(operation?.security).toEqual(route.auth === 'bearer' ? [{ bearer: [] }] : [])
    }
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods))
    expect(operations).toHaveLength(Object.keys(provinceApi).length)
  })

  it('gives every response, errors included, a required serverTime and the X-Server-Time header', () => {
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const ref = response.content['application/json']?.schema.$ref ?? ''
          const schema = component(doc, ref)
          expect(schema.required, `${operation.operationId} ${status}`).toContain('serverTime')
          expect(Object.keys(schema.properties as object)).toContain('serverTime')
          expect(response.headers['X-Server-Time']).toBeDefined()
        }
      }
    }
  })

  it('resolves every $ref to a component schema', () => {
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[A-Za-z]+"/g) ?? []
    expect(refs.length).toBeGreaterThan(50)
    for (const ref of new Set(refs)) expect(() => component(doc, JSON.parse(ref) as string)).not.toThrow()
  })

  it('documents the re-bootstrap answer of an expired cursor as 410 on bootstrap and pull', () => {
    for (const path of ['/v1/bootstrap', '/v1/pull']) {
      expect(doc.paths[path]?.get?.responses['410']?.description).toContain('resync-required')
    }
  })
})
