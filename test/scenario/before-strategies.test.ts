/** The first half of the bundled two-strategy scenarios against their fixtures (see before-strategies-check.ts). */
import { describeFixtureCheck, fixtureHalf } from './before-strategies-check.ts';

describeFixtureCheck(fixtureHalf(0));
