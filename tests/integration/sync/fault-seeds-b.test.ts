/** Seeded fault injection, second half of the seeds (the suite: fault-seeds.suite.ts). */
import { defineSeedSuite, seedsFor } from './fault-seeds.suite'

defineSeedSuite(seedsFor(1, 2), 'fault-seeds-b.test.ts')
