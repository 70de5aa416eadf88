import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { provinceApi, provinceFileApi } from '../../../../src/shared/province/api'
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
    expect(operations).toHaveLength(Object.keys(provinceApi).length + Object.keys(provinceFileApi).length)
  })

  it('documents the file route: bytes as 200 or 206 with Range, If-Range, ETag and Content-Range, 416 and 404', () => {
    const operation = doc.paths['/v1/media/{sha256}/content']?.get
    expect(operation?.operationId).toBe('mediaContent')
    expect(operation?.security).toEqual([{ bearer: [] }])
    expect(operation?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:sha256',
      'header:Range',
      'header:If-Range',
    ])
    for (const status of ['200', '206']) {
      expect(Object.keys(operation?.responses[status]?.content ?? {})).toEqual(['audio/mpeg', 'audio/wav'])
      expect(operation?.responses[status]?.headers.ETag).toBeDefined()
    }
    expect(operation?.responses['206']?.headers['Content-Range']).toBeDefined()
    expect(operation?.responses['416']?.description).toContain('range-not-satisfiable')
    expect(operation?.responses['404']?.description).toContain('not-found')
    expect(operation?.description).toMatch(/identity/)
  })

  it('documents the long-poll of pull (wait, at most 30 s)', () => {
    const wait = doc.paths['/v1/pull']?.get?.parameters?.find((p) => p.name === 'wait')
    expect(wait).toMatchObject({ in: 'query', required: false, schema: { maximum: 30 } })
  })

  it('gives every response, errors included, a required serverTime and the X-Server-Time header', () => {
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          // the bytes of a file carry the clock in the header only
          if (operation.operationId === 'mediaContent' && (status === '200' || status === '206')) {
            expect(response.headers['X-Server-Time']).toBeDefined()
            continue
          }
          const schema0 = response.content['application/json']?.schema
          const ref = schema0 && '$ref' in schema0 ? String(schema0.$ref) : ''
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
