/**
 * The words printed in exported report files (XLSX, DOCX, CSV), in Vietnamese and English. These
 * are file contents, not UI strings: the screens use i18next; an export must not change when the
 * UI's translations are edited, or the same data would stop giving the same file.
 */
import { z } from 'zod'
import type { ClusterTechnology, ReportContentKind, SourceKind } from './report-input'

export const reportLanguageSchema = z.enum(['vi', 'en'])
export type ReportLanguage = z.infer<typeof reportLanguageSchema>

export interface ReportLabels {
  sources: Record<SourceKind, string>
  kinds: Record<ReportContentKind, string>
  technologies: Record<ClusterTechnology, string>
  /** Names of languages by primary subtag; unknown codes are shown as the code. */
  languages: Readonly<Record<string, string>>
  uncategorised: string
  total: string
  emergency: string
  minority: string
  tables: {
    airtime: string
    content: string
    languages: string
    categories: string
    clusters: string
  }
  columns: {
    no: string
    source: string
    kind: string
    language: string
    category: string
    technology: string
    duration: string
    share: string
    produced: string
    ownBroadcasts: string
    upstreamBroadcasts: string
    inService: string
    working: string
    faulty: string
    removed: string
    workingShare: string
  }
}

const vi: ReportLabels = {
  sources: {
    own: 'Chương trình, tin, bài của xã',
    'relay-national-radio': 'Tiếp sóng Đài Tiếng nói Việt Nam',
    'relay-national-tv': 'Tiếp sóng Đài Truyền hình Việt Nam (âm thanh)',
    'relay-provincial': 'Tiếp sóng đài phát thanh cấp tỉnh',
    'relay-district': 'Tiếp sóng đài truyền thanh cấp huyện',
  },
  kinds: {
    program: 'Chương trình phát thanh',
    news: 'Tin',
    article: 'Bài',
    notice: 'Thông báo',
    feature: 'Chuyên mục',
  },
  technologies: {
    wired: 'Truyền thanh có dây',
    fm: 'Truyền thanh không dây (FM)',
    ip: 'Truyền thanh ứng dụng CNTT-VT (IP)',
  },
  languages: {
    vi: 'Tiếng Việt',
    km: 'Tiếng Khmer',
    hmn: "Tiếng H'Mông",
    cjm: 'Tiếng Chăm',
    cja: 'Tiếng Chăm',
    tyz: 'Tiếng Tày',
    nut: 'Tiếng Nùng',
    blt: 'Tiếng Thái',
    mtq: 'Tiếng Mường',
    rad: 'Tiếng Ê Đê',
    jra: 'Tiếng Gia Rai',
    bdq: 'Tiếng Ba Na',
    sed: 'Tiếng Xơ Đăng',
    kpm: 'Tiếng Cơ Ho',
    zh: 'Tiếng Hoa',
  },
  uncategorised: 'Chưa phân loại',
  total: 'Tổng cộng',
  emergency: 'Trong đó: bản tin khẩn cấp',
  minority: 'Trong đó: tiếng dân tộc thiểu số',
  tables: {
    airtime: 'THỜI LƯỢNG PHÁT SÓNG THEO NGUỒN',
    content: 'CHƯƠNG TRÌNH, TIN, BÀI SẢN XUẤT VÀ PHÁT SÓNG',
    languages: 'THỜI LƯỢNG PHÁT SÓNG THEO NGÔN NGỮ',
    categories: 'THỜI LƯỢNG PHÁT SÓNG THEO LĨNH VỰC',
    clusters: 'HỆ THỐNG CỤM LOA',
  },
  columns: {
    no: 'STT',
    source: 'Nguồn',
    kind: 'Loại',
    language: 'Ngôn ngữ',
    category: 'Lĩnh vực',
    technology: 'Công nghệ',
    duration: 'Thời lượng',
    share: 'Tỷ lệ',
    produced: 'Sản xuất',
    ownBroadcasts: 'Lượt phát (của xã)',
    upstreamBroadcasts: 'Lượt phát (tiếp sóng)',
    inService: 'Đang sử dụng',
    working: 'Hoạt động tốt',
    faulty: 'Hư hỏng',
    removed: 'Đã tháo dỡ',
    workingShare: 'Tỷ lệ hoạt động',
  },
}

const en: ReportLabels = {
  sources: {
    own: "The commune's own programmes and items",
    'relay-national-radio': 'Relay of Voice of Vietnam',
    'relay-national-tv': 'Relay of Vietnam Television (audio)',
    'relay-provincial': 'Relay of the provincial station',
    'relay-district': 'Relay of the district station',
  },
  kinds: {
    program: 'Radio programmes',
    news: 'News items',
    article: 'Articles',
    notice: 'Notices',
    feature: 'Features',
  },
  technologies: { wired: 'Wired', fm: 'Wireless (FM)', ip: 'IT-telecom (IP)' },
  languages: {
    vi: 'Vietnamese',
    km: 'Khmer',
    hmn: 'Hmong',
    cjm: 'Cham',
    cja: 'Cham',
    tyz: 'Tày',
    nut: 'Nùng',
    blt: 'Tai Dam',
    mtq: 'Mường',
    rad: 'Rade',
    jra: 'Jarai',
    bdq: 'Bahnar',
    sed: 'Sedang',
    kpm: 'Koho',
    zh: 'Chinese',
  },
  uncategorised: 'Not categorised',
  total: 'Total',
  emergency: 'Of which: emergency bulletins',
  minority: 'Of which: ethnic-minority languages',
  tables: {
    airtime: 'BROADCAST TIME BY SOURCE',
    content: 'PROGRAMMES AND ITEMS PRODUCED AND BROADCAST',
    languages: 'BROADCAST TIME BY LANGUAGE',
    categories: 'BROADCAST TIME BY CATEGORY',
    clusters: 'LOUDSPEAKER CLUSTERS',
  },
  columns: {
    no: 'No.',
    source: 'Source',
    kind: 'Kind',
    language: 'Language',
    category: 'Category',
    technology: 'Technology',
    duration: 'Duration',
    share: 'Share',
    produced: 'Produced',
    ownBroadcasts: 'Broadcasts (own)',
    upstreamBroadcasts: 'Broadcasts (relayed)',
    inService: 'In service',
    working: 'Working',
    faulty: 'Faulty',
    removed: 'Removed',
    workingShare: 'Working share',
  },
}

export const reportLabels: Readonly<Record<ReportLanguage, ReportLabels>> = { vi, en }

export const languageName = (code: string, lang: ReportLanguage): string => reportLabels[lang].languages[code] ?? code
