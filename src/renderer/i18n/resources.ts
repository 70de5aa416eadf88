/**
 * Translations are kept one file per feature and language (`locales/<lang>/<feature>.json`) so
 * features grow without touching each other's strings; here they are merged into i18next's one
 * `translation` namespace. A top-level key belongs to exactly one file (the i18n check says so).
 */
type Tree = Record<string, unknown>

const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' })

function languageTree(language: string): Tree {
  const merged: Tree = {}
  for (const [path, tree] of Object.entries(files)) {
    if (path.split('/')[2] !== language) continue
    Object.assign(merged, tree)
  }
  return merged
}

export const resources = {
  vi: { translation: languageTree('vi') },
  en: { translation: languageTree('en') },
} as const
