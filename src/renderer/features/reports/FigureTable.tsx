/** One table of report figures, totals in bold; the title is the table's caption. */
import { Table, Typography } from 'antd'
import type { ViewRow, ViewTable } from './report-view'

export function FigureTable({ table }: { table: ViewTable }) {
  return (
    <Table<ViewRow>
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => r.key}
      dataSource={table.rows}
      title={() => (
        <Typography.Title level={4} style={{ margin: 0 }}>
          {table.title}
        </Typography.Title>
      )}
      aria-label={table.title}
      columns={table.columns.map((title, i) => ({
        key: String(i),
        title,
        align: i === 0 ? 'left' : 'right',
        render: (_v, r) => (r.isTotal ? <strong>{r.cells[i]}</strong> : r.cells[i]),
      }))}
    />
  )
}
