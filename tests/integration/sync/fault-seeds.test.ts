/** Seeded fault injection, first half of the seeds (the suite: fault-seeds.suite.ts). */
import { defineSeedSuite, seedsFor } from './fault-seeds.suite'

defineSeedSuite(seedsFor(0, 2), 'fault-seeds.test.ts')
