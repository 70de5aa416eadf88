import { describe, expect, it } from 'vitest'
import { CHUNK_CHARS, speechChunks } from '../../../../src/shared/tts/chunks'

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '')

describe('speechChunks', () => {
  it('keeps a short text whole', () => {
    expect(speechChunks('  Xin chào bà con.  ')).toEqual(['Xin chào bà con.'])
  })

  it('packs whole sentences up to the chunk size and keeps every word in order', () => {
    const sentence = 'Ủy ban nhân dân xã thông báo lịch tiêm phòng cho trẻ em. '
    const text = sentence.repeat(200) + 'Hết!\nCảm ơn bà con'
    const chunks = speechChunks(text, 500)
    expect(chunks.length).toBeGreaterThan(20)
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(500)
    // Each chunk ends at a sentence end (but the last).
    for (const c of chunks.slice(0, -1)) expect(c).toMatch(/[.!?]$/)
    expect(letters(chunks.join(' '))).toBe(letters(text))
  })

  it('splits a sentence longer than a chunk at its clauses, then between words, then hard', () => {
    const clauses = Array.from({ length: 40 }, (_, i) => `mục số ${i} của danh sách dài`).join(', ') + '.'
    const byClause = speechChunks(clauses, 120)
    for (const c of byClause) expect(c.length).toBeLessThanOrEqual(120)
    expect(byClause.slice(0, -1).every((c) => c.endsWith(','))).toBe(true)
    expect(letters(byClause.join(''))).toBe(letters(clauses))

    const words = 'một '.repeat(100)
    const byWord = speechChunks(words, 50)
    expect(byWord.every((c) => c.length <= 50 && !/\S$/.test(`${c} `) && !c.includes('mộ t'))).toBe(true)
    expect(letters(byWord.join(''))).toBe(letters(words))

    const url = 'x'.repeat(130)
    expect(speechChunks(url, 50)).toEqual(['x'.repeat(50), 'x'.repeat(50), 'x'.repeat(30)])
  })

  it('never makes an empty chunk and uses the default size of 2,000', () => {
    expect(speechChunks('...\n\n  ')).toEqual([])
    expect(CHUNK_CHARS).toBe(2000)
  })
})
