/**
 * The accessibility check of a screen: axe-core (through @axe-core/playwright) with the WCAG 2.1
 * A and AA rules. Only serious and critical findings are returned, one line each, so a spec can
 * collect them over many screens and fail once with the whole list.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** `include`: a CSS selector to check only that part (e.g. an open dialog, the screen behind it being checked on its own). */
export async function seriousViolations(page: Page, screen: string, include?: string): Promise<string[]> {
  // Only violations are collected (not every passing node): the check is several times faster.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] })
  const result = await (include ? builder.include(include) : builder).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')
      // The first node's reason, e.g. "insufficient color contrast of 3.37 (foreground color: #389e0d, …)".
      const why = v.nodes[0]?.any[0]?.message ?? v.nodes[0]?.all[0]?.message ?? ''
      return `${screen}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help} — ${where} — ${why}`
    })
}
