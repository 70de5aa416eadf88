/**
 * A horizontal bar chart drawn with plain boxes (no chart library: a few bars do not need one).
 * Text stays at the body size whatever the card's width (a scaled SVG shrank it to about 9 px in
 * a half-width card), long labels wrap instead of being cut, and the figure has a caption and a
 * text summary for screen readers.
 */
import { theme } from 'antd'
import type { ChartBar } from './report-view'

export interface BarChartProps {
  title: string
  bars: ChartBar[]
  /** The value of a full-width bar; default: the largest value. */
  max?: number
}

export function BarChart({ title, bars, max }: BarChartProps) {
  const { token } = theme.useToken()
  const top = max ?? Math.max(0, ...bars.map((b) => b.value))
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.display}`).join('; ')}`
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{title}</figcaption>
      <div
        role="img"
        aria-label={summary}
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(120px, 2fr) minmax(80px, 2fr) auto',
          gap: '6px 12px',
          alignItems: 'center',
          fontSize: token.fontSizeSM,
        }}
      >
        {bars.map((b) => {
          const percent = top > 0 ? (100 * b.value) / top : 0
          return [
            <span key={`${b.key}-label`}>{b.label}</span>,
            <span key={`${b.key}-bar`} style={{ display: 'block', height: 16 }}>
              <span
                style={{
                  display: 'block',
                  height: '100%',
                  width: `${percent}%`,
                  minWidth: b.value > 0 ? 2 : 0,
                  borderRadius: 3,
                  background: token.colorPrimary,
                }}
              />
            </span>,
            <span key={`${b.key}-value`} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {b.display}
            </span>,
          ]
        })}
      </div>
    </figure>
  )
}
