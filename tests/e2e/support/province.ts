/**
 * The reference province server for one spec file: started before its tests on loopback with the
 * demo commune, stopped (and its data folder removed) after them.
 *
 *   const province = useProvinceServer()
 *   await sync.setServer(province.url())
 *   expect(await province.stateText()).toContain('Thông báo họp dân')
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { startProvinceServer, type ProvinceServer } from '../../province-server/server'
import { test } from '../fixtures'

export interface SpecProvince {
  url(): string
  /** The demo commune's state as the inspection endpoint gives it (JSON text). */
  stateText(): Promise<string>
  /** Sets the server's faults (`/__test__/faults`), e.g. `{ clockOffsetMs: 420000 }`. */
  faults(config: Record<string, unknown>): Promise<void>
}

export function useProvinceServer(): SpecProvince {
  let server: ProvinceServer | null = null
  let dataDir = ''
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'daixa-e2e-province-'))
    server = await startProvinceServer({ dataDir, port: 0, testMode: true, seedDemo: true })
  })
  test.afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  const url = (): string => {
    if (!server) throw new Error('province server not started (call useProvinceServer at the top of a spec)')
    return server.url
  }
  return {
    url,
    stateText: async () => (await fetch(`${url()}/__test__/state?communeId=${DEMO_COMMUNE.id}`)).text(),
    faults: async (config) => {
      const answer = await fetch(`${url()}/__test__/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(config),
      })
      if (!answer.ok) throw new Error(`faults: ${answer.status} ${await answer.text()}`)
    },
  }
}
