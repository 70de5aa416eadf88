/** The app's own translations, so page models find controls by the names the officer reads. */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths'

type Tree = { [key: string]: string | Tree }

function load(language: 'vi' | 'en'): (key: string) => string {
  const dir = join(ROOT, 'src/renderer/i18n/locales', language)
  const tree: Tree = {}
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')))
    Object.assign(tree, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Tree)
  return (key) => {
    let node: string | Tree | undefined = tree
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') throw new Error(`no ${language} string for ${key}`)
    return node
  }
}

export const vi = load('vi')
export const en = load('en')
