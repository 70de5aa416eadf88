/** Starting the reference province server in-process and talking to it over real HTTP. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import type { SignInResponse } from '../../../src/shared/province/auth'
import type { EntityRecord } from '../../../src/shared/province/entities'
import type { Mutation, MutationResult } from '../../../src/shared/province/push'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { startProvinceServer, type ProvinceServer, type ProvinceServerOptions } from '../../province-server/server'
import type { CommuneState } from '../../province-server/state'

export interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
  headers: Headers
}

export interface TestServer {
  server: ProvinceServer
  url: string
  dataDir: string
  stop(): Promise<void>
}

export async function startTestServer(options: Partial<ProvinceServerOptions> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'daixa-province-'))
  const server = await startProvinceServer({ dataDir, port: 0, testMode: true, seedDemo: true, ...options })
  return {
    server,
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export async function call<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; query?: Record<string, string | number> } = {},
): Promise<Answer<T>> {
  const target = new URL(path, url)
  for (const [key, value] of Object.entries(options.query ?? {})) target.searchParams.set(key, String(value))
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(target, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(10_000),
  })
  return { status: response.status, body: (await response.json()) as T, headers: response.headers }
}

export const testPost = (url: string, path: string, body: unknown): Promise<Answer> =>
  call(url, 'POST', `/__test__/${path}`, { body })

export async function signIn(url: string): Promise<SignInResponse> {
  const answer = await call<SignInResponse>(url, 'POST', '/v1/auth/sign-in', {
    body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId: uuidv7() },
  })
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

export async function serverState(url: string, communeId = DEMO_COMMUNE.id): Promise<CommuneState> {
  const answer = await call<{ state: CommuneState }>(url, 'GET', '/__test__/state', { query: { communeId } })
  return answer.body.state
}

export async function push(
  url: string,
  token: string,
  mutations: unknown[],
): Promise<Answer<{ results: MutationResult[] }>> {
  return call(url, 'POST', '/v1/push', { token, body: { clientId: CLIENT_ID, schemaVersion: 1, mutations } })
}

export const CLIENT_ID = uuidv7()
export const HASH_A = 'a'.repeat(64)

export function announcementCreate(
  title: string,
  mediaHash = HASH_A,
): Extract<Mutation, { entity: 'announcement'; op: 'create' }> {
  return {
    mutationId: uuidv7(),
    entity: 'announcement',
    op: 'create',
    entityId: uuidv7(),
    baseVersion: null,
    payload: {
      title,
      kind: 'notice',
      language: 'vi',
      priority: 'normal',
      source: 'recording',
      mediaHash,
      durationMs: 30_000,
      author: 'Test',
      createdAt: new Date().toISOString(),
    },
  }
}

/** The live records of a commune as the server stores them, by key `entity:id`. */
export function liveRecords(state: CommuneState): Map<string, EntityRecord> {
  const out = new Map<string, EntityRecord>()
  for (const [key, stored] of Object.entries(state.records)) if (stored.data) out.set(key, stored.data)
  return out
}

export const newMutationId = (): string => uuidv7()
