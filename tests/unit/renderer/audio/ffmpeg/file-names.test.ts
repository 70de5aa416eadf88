import { describe, expect, it } from 'vitest'
import { exportFileName, titleFromFileName } from '../../../../../src/renderer/audio/ffmpeg/file-names'

describe('renderer/audio/ffmpeg/file-names', () => {
  it('makes a title from the file name without its extension when a file is imported', () => {
    expect(titleFromFileName('thong_bao__tiem-chung.mp3')).toBe('thong bao tiem-chung')
    expect(titleFromFileName('Thông báo ngày 25.11.wav')).toBe('Thông báo ngày 25.11')
    // Decomposed Vietnamese (macOS file names) is composed to NFC.
    expect(titleFromFileName('Thông báo.flac'.normalize('NFD'))).toBe('Thông báo')
    expect(titleFromFileName('.mp3')).toBe('.mp3')
  })

  it('removes characters Windows refuses when an export is named from its title', () => {
    expect(exportFileName('Thông báo: tiêm chủng/ngày 5?', 'mp3')).toBe('Thông báo tiêm chủng ngày 5.mp3')
    expect(exportFileName('  ...  ', 'wav')).toBe('thong-bao.wav')
    expect(exportFileName('a'.repeat(200), 'mp3')).toHaveLength(124)
  })
})
