/**
 * Builds the OpenAPI 3.1 document of Province API v1 from `provinceApi` and the named zod schemas
 * (`z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as its schema dialect). Pure: the
 * caller writes it (scripts/gen-openapi.mjs) and a unit test fails when the committed
 * docs/province-api-v1.openapi.json differs from what this returns.
 */
import { z } from 'zod'
import { provinceApi } from './api'
import {
  errorBodySchema,
  errorStatus,
  genericErrors,
  PROVINCE_API_VERSION,
  provinceSchemas,
  type ProvinceErrorCode,
  type RouteDef,
} from './common'

type JsonSchema = Record<string, unknown>

export interface OpenApiParameter {
  name: string
  in: 'query' | 'path'
  required: boolean
  schema: JsonSchema
}

export interface OpenApiResponse {
  description: string
  headers: Record<string, { $ref: string }>
  content: Record<string, { schema: { $ref: string } }>
}

export interface OpenApiOperation {
  operationId: string
  summary: string
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
  '`createMediaUpload` returns, with the bearer token and the `Upload-Metadata` it lists.',
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
