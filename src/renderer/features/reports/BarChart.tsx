/**
 * A horizontal bar chart drawn as SVG (no chart library: a few bars do not need one). The figure
 * has a caption, the SVG a text summary for screen readers, and each bar its value as text.
 */
import { theme } from 'antd'
import type { ChartBar } from './report-view'

export interface BarChartProps {
  title: string
  bars: ChartBar[]
  /** The value of a full-width bar; default: the largest value. */
  max?: number
}

const ROW = 32
const LABEL_W = 300
const BAR_W = 320
const VALUE_W = 130

export function BarChart({ title, bars, max }: BarChartProps) {
  const { token } = theme.useToken()
  const top = max ?? Math.max(0, ...bars.map((b) => b.value))
  const width = LABEL_W + BAR_W + VALUE_W
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.display}`).join('; ')}`
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{title}</figcaption>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${bars.length * ROW}`}
        style={{ width: '100%', maxWidth: width }}
      >
        {bars.map((b, i) => {
          const w = top > 0 ? Math.round((BAR_W * b.value) / top) : 0
          const y = i * ROW
          return (
            <g key={b.key}>
              <text x={0} y={y + ROW / 2 + 5} fontSize={14} fill={token.colorText}>
                {b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label}
              </text>
              <rect
                x={LABEL_W}
                y={y + 6}
                width={Math.max(w, b.value > 0 ? 2 : 0)}
                height={ROW - 12}
                rx={3}
                fill={token.colorPrimary}
              />
              <text x={LABEL_W + w + 8} y={y + ROW / 2 + 5} fontSize={14} fill={token.colorText}>
                {b.display}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
