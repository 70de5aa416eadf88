/**
 * Builds the OpenAPI 3.1 document of Province API v1 from `provinceApi` and the named zod schemas
 * (`z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as its schema dialect). Pure: the
 * caller writes it (scripts/gen-openapi.mjs) and a unit test fails when the committed
 * docs/province-api-v1.openapi.json differs from what this returns.
 */
import { z } from 'zod'
import { provinceApi, provinceFileApi } from './api'
import {
  errorBodySchema,
  errorStatus,
  genericErrors,
  PROVINCE_API_VERSION,
  provinceSchemas,
  type FileRouteDef,
  type ProvinceErrorCode,
  type RouteDef,
} from './common'

type JsonSchema = Record<string, unknown>

export interface OpenApiParameter {
  name: string
  in: 'query' | 'path' | 'header'
  required: boolean
  description?: string
  schema: JsonSchema
}

export interface OpenApiResponse {
  description: string
  headers: Record<string, { $ref: string } | { description: string; schema: JsonSchema }>
  content: Record<string, { schema: { $ref: string } | JsonSchema }>
}

export interface OpenApiOperation {
  operationId: string
  summary: string
  description?: string
  security: Record<string, string[]>[]
  parameters?: OpenApiParameter[]
  requestBody?: { required: true; content: Record<string, { schema: { $ref: string } }> }
  responses: Record<string, OpenApiResponse>
}

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  jsonSchemaDialect: string
  servers: { url: string; description: string }[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: {
    schemas: Record<string, JsonSchema>
    headers: Record<string, { description: string; required: boolean; schema: JsonSchema }>
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>
  }
}

const schemaRef = (id: string): string => `#/components/schemas/${id}`
const JSON_TYPE = 'application/json'

const DESCRIPTION = [
  'Contract between the Đài Xã commune app and the province system (docs/province-api.md).',
  'Every answer carries the server clock: `serverTime` in JSON bodies and the `X-Server-Time` header.',
  'Audio bytes are uploaded with tus 1.0 (core, creation, expiration, termination) at the endpoint that',
  '`createMediaUpload` returns, with the bearer token and the `Upload-Metadata` it lists,',
  'and downloaded from `/v1/media/{sha256}/content` with HTTP Range.',
].join(' ')

/** Registered id of a schema; a route whose schema is not registered is a bug in the contract. */
function refOf(schema: z.ZodType, where: string): { $ref: string } {
  const meta = provinceSchemas.get(schema)
  if (!meta) throw new Error(`openapi: ${where} is not a named schema (use named())`)
  return { $ref: schemaRef(meta.id) }
}

function stripMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema
  return rest
}

function parameters(shape: z.ZodObject | undefined, place: 'query' | 'path'): OpenApiParameter[] {
  if (!shape) return []
  return (Object.entries(shape.shape) as [string, z.ZodType][]).map(([name, field]) => ({
    name,
    in: place,
    required: place === 'path' || !field.safeParse(undefined).success,
    schema: stripMeta(z.toJSONSchema(field, { io: 'input', unrepresentable: 'throw' }) as JsonSchema),
  }))
}

function response(description: string, schema: { $ref: string }): OpenApiResponse {
  return {
    description,
    headers: { 'X-Server-Time': { $ref: '#/components/headers/XServerTime' } },
    content: { [JSON_TYPE]: { schema } },
  }
}

function errorResponses(codes: readonly ProvinceErrorCode[]): Record<string, OpenApiResponse> {
  const byStatus = new Map<number, ProvinceErrorCode[]>()
  for (const code of new Set([...codes, ...genericErrors])) {
    const status = errorStatus[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  const out: Record<string, OpenApiResponse> = {}
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status) ?? []
    out[String(status)] = response(`Error; code: ${list.join(', ')}`, refOf(errorBodySchema, 'ErrorBody'))
  }
  return out
}

function operation(name: string, route: RouteDef): OpenApiOperation {
  const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')]
  return {
    operationId: name,
    summary: route.summary,
    security: route.auth === 'bearer' ? [{ bearer: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { [JSON_TYPE]: { schema: refOf(route.body, `${name} body`) } } } }
      : {}),
    responses: {
      '200': response('OK', refOf(route.response, `${name} response`)),
      ...errorResponses(route.errors),
    },
  }
}

const byteHeader = (description: string) => ({ description, schema: { type: 'string' } })

/** A route that answers bytes: 200 (whole file) or 206 (a range), typed by media type. */
function fileOperation(name: string, route: FileRouteDef): OpenApiOperation {
  const bytes = Object.fromEntries(
    route.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
  )
  const headers = {
    'X-Server-Time': { $ref: '#/components/headers/XServerTime' },
    ETag: byteHeader('The quoted SHA-256 of the file (a strong validator).'),
    'Accept-Ranges': byteHeader('`bytes`.'),
    'Content-Length': byteHeader('Bytes in this answer.'),
  }
  const range = {
    name: 'Range',
    in: 'header' as const,
    required: false,
    description: 'One range, `bytes=<from>-` (or `bytes=<from>-<to>`), to resume a download.',
    schema: { type: 'string', pattern: '^bytes=\\d*-\\d*$' },
  }
  const ifRange = {
    name: 'If-Range',
    in: 'header' as const,
    required: false,
    description: 'The ETag held (the quoted hash): the range is served only while it still matches.',
    schema: { type: 'string' },
  }
  return {
    operationId: name,
    summary: route.summary,
    description: route.description,
    security: [{ bearer: [] }],
    parameters: [...parameters(route.params, 'path'), range, ifRange],
    responses: {
      '200': { description: 'The whole file', headers, content: bytes },
      '206': {
        description: 'The requested range',
        headers: { ...headers, 'Content-Range': byteHeader('`bytes <from>-<to>/<size>`.') },
        content: bytes,
      },
      ...errorResponses(route.errors),
    },
  }
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(provinceSchemas, { uri: schemaRef, io: 'input', unrepresentable: 'throw' })
  const out: Record<string, JsonSchema> = {}
  for (const id of Object.keys(schemas).sort()) {
    const schema = schemas[id]
    if (schema) out[id] = stripMeta(schema)
  }
  return out
}

export function buildProvinceOpenApi(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {}
  for (const [name, route] of Object.entries(provinceApi)) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(name, route) }
  }
  for (const [name, route] of Object.entries(provinceFileApi)) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: fileOperation(name, route) }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Đài Xã Province API', version: PROVINCE_API_VERSION, description: DESCRIPTION },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Reference province server (tests/province-server)' }],
    paths,
    components: {
      schemas: componentSchemas(),
      headers: {
        XServerTime: {
          description: "The server's clock (ISO 8601 UTC) on every response, tus ones included.",
          required: true,
          schema: { type: 'string', format: 'date-time' },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Access token from signIn or refresh.' },
      },
    },
  }
}
