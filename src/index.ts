/**
 * expansim's library API, for notebooks and scripts (named exports only).
 * The CLI is a thin layer over these.
 */

// Scenarios: text → validated scenario.
export { parseScenario, validateScenario, type ParseResult } from './scenario/parse-scenario.ts';
export { loadScenario, type LoadedScenario } from './scenario/load-scenario.ts';
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/scenario-schema.ts';
export { scenarioJsonSchema } from './scenario/json-schema.ts';
export { formatIssue, ScenarioError, type ScenarioIssue } from './scenario/scenario-issue.ts';
export { hashScenario } from './scenario/scenario-hash.ts';
export { BARRIERS, OPENING_RULES, PROJECT_TYPES, STRATEGIES, STREAMS } from './scenario/vocabulary.ts';
export { strategyLabel, MAX_STRATEGIES } from './scenario/strategy-schema.ts';

// The model and the engine.
export { compileParameters, OPEN_MIGRATE, OPEN_NEVER, OPEN_START, type ModelParameters, type StrategyParameters } from './model/parameters.ts';
export { runSimulation, type SimulationOptions, type SimulationResult } from './engine/run-simulation.ts';
export { runTrials } from './engine/run-trials.ts';
export { createWorld, generateWorld, type World } from './engine/world.ts';
export { runPolicy } from './engine/run-policy.ts';
export { createPolicyState } from './engine/policy-state.ts';
export { createTrialOutcome, type TrialOutcome } from './engine/trial-outcome.ts';
export { strategyColumn, type OutcomeTable, type StrategyColumnName } from './engine/outcome-table.ts';

// Statistics.
export { runScenario, runCompiled, summarizeRun, summarizeFullRun, type ScenarioRun, type RunOptions } from './pipeline/run-scenario.ts';
export { compileRun, runFacts, type CompiledRun, type AnalysisOptions } from './pipeline/compile-run.ts';
export { simulateRun } from './pipeline/simulate-run.ts';
export { analyseRun, RUN_ANALYSES, type RunAnalysis } from './pipeline/analyse-run.ts';
export { runPipeline } from './pipeline/run-pipeline.ts';
export { summarizeOutcomes, shareBest, type Summary, type StrategySummary } from './stats/summarize-outcomes.ts';
export { compareStrategies, pBetter, type Comparison } from './stats/compare-strategies.ts';
export { comparedPair, strategyRefs, baselineRef, type ComparedPair, type StrategyRef } from './stats/compared-pair.ts';
export { summarizeSample, meanOf, quantileOfSorted } from './stats/sample-statistics.ts';
export { meanInterval, wilsonInterval } from './stats/intervals.ts';

// Charts and the report.
export { prepareChartData } from './stats/prepare-chart-data.ts';
export { REPORT_CHARTS } from './charts/chart-registry.ts';
export { PORTFOLIO_CHARTS } from './charts/portfolio-chart-registry.ts';
export { renderSvg } from './report/render-svg.ts';
export { renderPng } from './report/render-png.ts';
export { buildReportFiles, type ReportInput } from './report/build-report-files.ts';

// Decision analysis.
export { runSweep, sweepVariants } from './pipeline/run-sweep.ts';
export { type SweepResult } from './stats/sweep.ts';
export { parseVary, readSweepParameter, type SweepParameter } from './scenario/sweep-parameter.ts';
export { ablationPair, strategyEffect, summarizeAblation } from './stats/barrier-ablation.ts';
export { ablationPlan } from './pipeline/ablation-plan.ts';
export { summarizeDominance, summarizeDominanceAgainst, riskProfile } from './stats/risk-profile.ts';
export { summarizePathClasses } from './stats/path-classes.ts';
export { runToPrecision } from './pipeline/run-to-precision.ts';
export { precisionStatus, summarizePrecision, type PrecisionSummary, type PrecisionTarget } from './stats/precision-run.ts';
export { nullPaths, type FullSummary } from './stats/full-summary.ts';
export { summarizeRobustness, type RobustnessSummary } from './stats/summarize-robustness.ts';
export { runSwitchovers, SWITCHOVER_FIRST_TRIALS, SWITCHOVER_TRIALS } from './pipeline/run-switchovers.ts';
export type { SwitchoverSummary } from './stats/switchovers.ts';
export { assumptionsFor, withAssumption, type Assumption } from './scenario/assumption-ranges.ts';
export { summarizeCashNeeds, paybackMonth, peakCashNeed } from './stats/cash-needs.ts';
export { fitDecisionRule } from './stats/decision-rule.ts';
export { explainTrial } from './engine/explain-trial.ts';
export { withScenarioValue, scenarioValue } from './scenario/scenario-paths.ts';
export { buildSweepReportFiles } from './report/build-sweep-report-files.ts';
export { SWEEP_CHARTS } from './charts/sweep-chart-registry.ts';

// Calibration from a deal history.
export { loadDealHistory } from './calibrate/load-deal-history.ts';
export { parseDealHistory, type DealParseResult } from './calibrate/parse-deal-history.ts';
export { formatDealIssue, DealFileError, type Deal, type DealHistory, type DealIssue } from './calibrate/deal-history.ts';
export { formatMonth } from './calibrate/parse-deal-fields.ts';
export { calibrateScenario, type Calibration, type CalibrationOptions } from './calibrate/calibrate-scenario.ts';
export { formatCalibratedScenario } from './calibrate/format-calibrated-scenario.ts';
export { simulateDealHistory } from './calibrate/simulate-deal-history.ts';
export { formatDealHistoryCsv } from './calibrate/format-deal-history-csv.ts';

// Portfolio: a book of accounts under each team's capacity.
export { loadBook, type LoadedBook } from './book/load-book.ts';
export { parseBook, type BookParseResult } from './book/parse-book.ts';
export { compileBook, type CompiledBook, type CompiledGroup, type BookAccount, type BookTeam } from './book/compile-book.ts';
export { bookSchema, bookJsonSchema, type Book, type BookInput } from './book/book-schema.ts';
export { parseAccountsCsv, type AccountRow } from './book/parse-accounts-csv.ts';
export { accountSeed } from './book/account-seed.ts';
export { parseCsvTable, type CsvTable } from './scenario/parse-csv-table.ts';
export { compileBookTexts, type BookTexts } from './book/compile-book-texts.ts';
export { isBookText } from './book/is-book-text.ts';
export { evaluateBook, evaluateGroups, assembleEvaluation, accountScenario, simulationCount, type BookEvaluation, type GroupColumns, type EvaluateOptions } from './portfolio/evaluate-book.ts';
export { simulateAccount } from './portfolio/simulate-account.ts';
export { optimizePortfolio, type PortfolioDecision, type AccountDecision, type TeamDecision, type FrontierPoint } from './portfolio/optimize-portfolio.ts';
export { runPortfolio, portfolioResult, withBookSettings, evaluationBytes, solverProblem, type PortfolioResult } from './portfolio/run-portfolio.ts';
export { solveKnapsack, type KnapsackOption, type KnapsackSolution } from './portfolio/solve-knapsack.ts';
export { shardGroups } from './portfolio/shard-groups.ts';
export { encodePortfolioShard, decodePortfolioShard, bookHash, type PortfolioShardFile } from './portfolio/portfolio-shard-file.ts';
export { checkPortfolioPartial, portfolioMergeProblems } from './portfolio/check-portfolio-partial.ts';
export { buildPortfolioReportFiles } from './report/build-portfolio-report-files.ts';
export { writePortfolioOutput, type PortfolioOutput, type PortfolioOutputOptions } from './report/write-portfolio-output.ts';
