import { describe, expect, it } from 'vitest'
import type { ClusterWithHistory } from '../../../../../src/renderer/db/queries/clusters'
import type { ClusterRow } from '../../../../../src/renderer/db/records'
import {
  emptyFilter,
  filterClusters,
  foldText,
  formatLocalDateTime,
  overviewInput,
} from '../../../../../src/renderer/features/clusters/cluster-view'

const row = (code: string, name: string, hamlet: string, more: Partial<ClusterRow> = {}): ClusterWithHistory => ({
  cluster: {
    id: `id-${code}`,
    code,
    name,
    hamlet,
    technology: 'wired',
    status: 'working',
    address: '',
    latitude: null,
    longitude: null,
    yearInstalled: null,
    origin: 'commune',
    serverVersion: null,
    ...more,
  },
  events: [],
})

const list = [
  row('TL-01', 'Cụm chợ', 'Ấp Bình Minh'),
  row('TL-02', 'Cụm đình', 'Ấp Đông', { technology: 'fm', status: 'faulty' }),
  row('TL-03', 'Cụm trường', 'Ấp Tây', { technology: 'ip', status: 'removed' }),
]

describe('features/clusters/cluster-view', () => {
  it('folds case and Vietnamese diacritics, đ included', () => {
    expect(foldText('  Ấp Đông Bình ')).toBe('ap dong binh')
  })

  it('searches code, name and hamlet without diacritics', () => {
    const codes = (q: string) => filterClusters(list, { ...emptyFilter, query: q }).map((e) => e.cluster.code)
    expect(codes('binh minh')).toEqual(['TL-01'])
    expect(codes('dinh')).toEqual(['TL-02'])
    expect(codes('tl-03')).toEqual(['TL-03'])
    expect(codes('')).toEqual(['TL-01', 'TL-02', 'TL-03'])
  })

  it('filters by technology and status together', () => {
    const f = { query: '', technologies: ['fm' as const, 'ip' as const], statuses: ['faulty' as const] }
    expect(filterClusters(list, f).map((e) => e.cluster.code)).toEqual(['TL-02'])
  })

  it('feeds the overview with the latest event time', () => {
    const withEvents: ClusterWithHistory = {
      ...row('TL-09', 'Cụm mới', 'Ấp Một'),
      events: [
        { id: 'a', clusterId: 'id-TL-09', at: '2025-01-01T00:00:00.000Z', kind: 'status', status: 'working', note: '' },
        { id: 'b', clusterId: 'id-TL-09', at: '2025-02-01T00:00:00.000Z', kind: 'note', status: null, note: 'x' },
      ],
    }
    expect(overviewInput([withEvents, list[0]!]).map((c) => c.lastEventAt)).toEqual(['2025-02-01T00:00:00.000Z', null])
  })

  it('shows instants in Vietnam time', () => {
    expect(formatLocalDateTime('2025-03-04T20:05:00.000Z')).toBe('05/03/2025 03:05')
  })
})
