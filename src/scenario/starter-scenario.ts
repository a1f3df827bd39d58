/**
 * The commented starter scenario `expansim init` writes: every key a strategy
 * team usually edits, with what it means, and the model section's shape.
 */
import { parse } from 'yaml';

export function starterScenario(name: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# An expansim scenario. Run it with:  npx expansim run ${name}.yaml
# Every key below is optional except name; omitted keys take the defaults of
# MODEL.md (the README's scenario reference lists them all).

name: ${name}                  # also the output folder: output/${name}/
description: >-
  Describe the account here: who it is, what the vendor sells there today,
  and which barriers stand in the way.
seed: 1                         # same seed, same figures to the last digit
trials: 20000                   # simulated accounts; each is run under ATO and FITD
horizonMonths: 72               # months simulated
discountRate: 0.10              # yearly
terminalValue: runRate          # runRate (value life after the horizon) or none

account:
  wallet: { median: 20, sigma: 0.8 }        # yearly IT wallet, $M: median and log-spread
  barriers:                                 # typical levels in [0, 1]
    functionalWalls: 0.6                    # functions do not talk to each other
    hardwareImage: 0.6                      # the vendor is seen as a box supplier
    purchasingControl: 0.6                  # procurement drives price and suppliers
    itVendorControl: 0.6                    # IT keeps other functions away from vendors
    executiveReluctance: 0.5                # executives resist advisory relationships
  barrierJitter: 0.1                        # how much accounts differ around those levels
  barrierCorrelation: 0.5                   # how much one account's barriers move together

resources:
  capacity: 7                               # FTE available for the account
  fte: { downstream: 2, midstream: 2.5, upstream: 2.5 }   # FTE each active stream needs
  competency: { downstream: 1.0, midstream: 0.9, upstream: 0.8 }  # C/Req per stream

strategies:
  ato:  { rampMonths: 6, buildCost: 0.3 }   # all-at-once: opens every stream at month 0
  fitd: { rampMonths: 3, buildCost: 0.3 }   # foot-in-the-door: migrates when it can

# model:                                    # any coefficient of MODEL.md, for example:
#   churn: { base: 0.004 }
#   migration: { downToMid: { base: 0.015 }, trapFactor: 0.2 }
#   streams:
#     upstream: { visibility: 0.6, dealSize: { innovation: 3.0 } }
`;
}

/** The starter scenario as JSON (`init x.json`): the same keys and values; JSON has no comments, so the README's scenario reference explains them. */
export function starterScenarioJson(name: string, schemaPath: string): string {
  const values = parse(starterScenario(name, schemaPath)) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: schemaPath, ...values }, null, 2)}\n`;
}
