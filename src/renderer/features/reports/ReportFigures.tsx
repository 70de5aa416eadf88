/** The report on screen: three bar charts, the five tables of figures, and the notes. */
import { Card, Col, Flex, Row } from 'antd'
import type { StationReport } from '../../../shared/reports/report'
import { BarChart } from './BarChart'
import { FigureTable } from './FigureTable'
import { ReportNotes } from './ReportNotes'
import type { ReportView } from './report-view'

export function ReportFigures({ report, view }: { report: StationReport; view: ReportView }) {
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {view.charts.map((c) => (
          <Col xs={24} xl={12} key={c.id}>
            <Card size="small">
              <BarChart title={c.title} bars={c.bars} max={c.max} />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex vertical gap={16}>
        {view.tables.map((table) => (
          <FigureTable key={table.id} table={table} />
        ))}
        <ReportNotes report={report} />
      </Flex>
    </>
  )
}
