/**
 * Host-side text (application menu and the few native dialogs) in both languages of the app. The
 * renderer's text goes through i18next; these strings live in the main process because the menu
 * exists before any page does. `HostLabels` makes a missing entry in either language a type error.
 */
import type { Language } from '../../shared/ipc/app'

export interface HostLabels {
  file: string
  record: string
  library: string
  hardware: string
  clusters: string
  reports: string
  settings: string
  quit: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  selectAll: string
  view: string
  reload: string
  toggleDevTools: string
  resetZoom: string
  zoomIn: string
  zoomOut: string
  toggleFullScreen: string
  help: string
  about: string
  checkForUpdates: string
  ok: string
  aboutDetail: (versions: { app: string; electron: string; chrome: string; node: string }) => string
  updatesDisabled: string
  upToDate: (version: string) => string
  updateDownloading: (version: string) => string
  updateReady: (version: string) => string
  installNow: string
  later: string
  updateBlockedOnAir: string
  updateFailed: (detail: string) => string
  closeWhileOnAir: string
  closeAnyway: string
  keepOpen: string
}

const vi: HostLabels = {
  file: 'Tệp',
  record: 'Thu âm',
  library: 'Thư viện',
  hardware: 'Thiết bị',
  clusters: 'Cụm loa',
  reports: 'Báo cáo',
  settings: 'Cài đặt',
  quit: 'Thoát',
  edit: 'Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  reload: 'Tải lại',
  toggleDevTools: 'Công cụ phát triển',
  resetZoom: 'Cỡ chữ mặc định',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  toggleFullScreen: 'Toàn màn hình',
  help: 'Trợ giúp',
  about: 'Giới thiệu',
  checkForUpdates: 'Kiểm tra cập nhật',
  ok: 'Đồng ý',
  aboutDetail: (v) =>
    `Phần mềm đài truyền thanh cấp xã.\nPhiên bản ${v.app}\nElectron ${v.electron} · Chromium ${v.chrome} · Node ${v.node}`,
  updatesDisabled: 'Chưa có địa chỉ cập nhật. Hãy nhập địa chỉ máy chủ cập nhật trong Cài đặt.',
  upToDate: (version) => `Đài Xã ${version} là phiên bản mới nhất.`,
  updateDownloading: (version) => `Đang tải bản cập nhật ${version} ở chế độ nền. Phát thanh không bị ảnh hưởng.`,
  updateReady: (version) =>
    `Bản cập nhật ${version} đã sẵn sàng. Cài đặt ngay (ứng dụng sẽ khởi động lại) hay để đến khi thoát ứng dụng?`,
  installNow: 'Cài đặt ngay',
  later: 'Để sau',
  updateBlockedOnAir:
    'Đang phát sóng nên chưa cài cập nhật. Bản cập nhật sẽ được cài khi thoát ứng dụng sau buổi phát.',
  updateFailed: (detail) => `Không kiểm tra được cập nhật. Hãy kiểm tra kết nối mạng rồi thử lại.\n(${detail})`,
  closeWhileOnAir: 'Đài đang phát sóng. Đóng ứng dụng sẽ dừng buổi phát.',
  closeAnyway: 'Vẫn đóng',
  keepOpen: 'Không đóng',
}

const en: HostLabels = {
  file: 'File',
  record: 'Record',
  library: 'Library',
  hardware: 'Devices',
  clusters: 'Clusters',
  reports: 'Reports',
  settings: 'Settings',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Developer tools',
  resetZoom: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  toggleFullScreen: 'Full screen',
  help: 'Help',
  about: 'About',
  checkForUpdates: 'Check for updates',
  ok: 'OK',
  aboutDetail: (v) =>
    `Commune loudspeaker and FM radio station software.\nVersion ${v.app}\nElectron ${v.electron} · Chromium ${v.chrome} · Node ${v.node}`,
  updatesDisabled: 'No update address is set. Enter the update server address in Settings.',
  upToDate: (version) => `Đài Xã ${version} is the latest version.`,
  updateDownloading: (version) => `Downloading update ${version} in the background. Broadcasting is not affected.`,
  updateReady: (version) =>
    `Update ${version} is ready. Install it now (the app restarts), or when you next quit the app?`,
  installNow: 'Install now',
  later: 'Later',
  updateBlockedOnAir:
    'The station is on air, so the update was not installed. It will install when you quit the app after the broadcast.',
  updateFailed: (detail) => `Could not check for updates. Check the network connection and try again.\n(${detail})`,
  closeWhileOnAir: 'The station is on air. Closing the app stops the broadcast.',
  closeAnyway: 'Close anyway',
  keepOpen: 'Keep open',
}

export const hostLabels: Readonly<Record<Language, HostLabels>> = { vi, en }
