/** Reading deal CSVs: column aliases, CRM spellings, and every bad row reported with its line. */
import { describe, expect, it } from 'vitest';
import { formatDealIssue } from '../../src/calibrate/deal-history.ts';
import { parseDealHistory } from '../../src/calibrate/parse-deal-history.ts';

const messages = (text: string, options = {}) => parseDealHistory(text, { source: 'deals.csv', ...options }).issues.map((issue) => formatDealIssue(issue, 'deals.csv')).join('\n');

describe('parseDealHistory', () => {
  it('reads the canonical columns', () => {
    const { history, issues } = parseDealHistory(
      'account,stream,type,value,opened,closed,outcome,stage_reached,discount\nA,downstream,repurchase,0.25,2021-01-15,2021-03-02,won,4,0.12\nA,M,EXP,1.5,2021-02-01,,open,,\n',
    );
    expect(issues).toEqual([]);
    expect(history.columns).toEqual({ account: true, closed: true, outcome: true, stageReached: true, discount: true });
    expect(history.deals).toEqual([
      { line: 2, account: 'A', stream: 0, type: 0, value: 0.25, opened: 2021 * 12, closed: 2021 * 12 + 2, outcome: 'won', stageReached: 4, discount: 0.12 },
      { line: 3, account: 'A', stream: 1, type: 2, value: 1.5, opened: 2021 * 12 + 1, closed: null, outcome: 'open', stageReached: null, discount: null },
    ]);
  });

  it('accepts CRM export spellings: headers, stages, dollars, percent discounts', () => {
    const { history, issues } = parseDealHistory(
      [
        'Account Name,Business Line,Opportunity Type,Amount,Created Date,Close Date,Stage,Max Stage,Discount %,Owner',
        'Acme,Downstream,Renewal,"$120,000",2023-01-15T09:30:00Z,2023/03/02,Closed Won,,12%',
        'Acme,Upstream,New,"$2,000,000",2023-02,2023-08-30,Closed Lost,2,8',
        'Acme,mid,Up-sell,450000,2023-03-01,2024-01-31,Negotiation/Review,,',
      ].join('\n'),
      { valueUnit: '1' },
    );
    expect(issues).toEqual([]);
    expect(history.notes).toEqual(['columns ignored: Owner', 'discounts read as percent (the Discount % column has values above 1)']);
    expect(history.deals.map((deal) => [deal.stream, deal.type, deal.value, deal.outcome, deal.closed, deal.stageReached, deal.discount])).toEqual([
      [0, 0, 0.12, 'won', 2023 * 12 + 2, null, 0.12],
      [2, 3, 2, 'lost', 2023 * 12 + 7, 2, 0.08],
      // An open deal's close date is an expected one, not a close.
      [1, 2, 0.45, 'open', null, null, null],
    ]);
  });

  it('reports every bad row with its line and column, and keeps the good ones', () => {
    const text = [
      'stream,type,value,opened,closed,outcome,stage_reached,discount',
      'downstream,repurchase,0.2,2021-01-10,2021-02-10,won,4,0.1',
      'sidestream,repurchase,abc,2021-13-01,2021-02-10,won,4,0.1',
      'midstream,,0.5,2021-01-10,,lost,7,150%',
      'upstream,innovation,-2,2021-05-10,2021-04-01,maybe,,',
      'downstream,expansion,0.3,2021-03-03,2021-01-01,lost,2,0.1,extra',
      'downstream,expansion,0.3,2021-03-03,2021-04-01,lost,2,0.1',
    ].join('\n');
    expect(messages(text)).toMatchInlineSnapshot(`
      "✖ deals.csv:3 stream: "sidestream" is not a stream (use downstream, midstream, upstream, or D, M, U)
      ✖ deals.csv:3 value: "abc" is not a number
      ✖ deals.csv:3 opened: "2021-13-01" is not a real date
      ✖ deals.csv:4 type: is empty
      ✖ deals.csv:4 stage_reached: "7" is not a stage number from 1 to 5
      ✖ deals.csv:4 discount: must be from 0 to below 100% (got "150%")
      ✖ deals.csv:4 closed: is empty, but a lost deal needs its close date
      ✖ deals.csv:5 value: must be above 0 (got "-2")
      ✖ deals.csv:5 outcome: "maybe" is not an outcome (use won, lost or open; "Closed Won", "Closed Lost" and pipeline stage names are read too)
      ✖ deals.csv:6: has 9 fields but the header has 8 (an unquoted comma in a value?)
      ✖ deals.csv:6 closed: is before the opened date"
    `);
    const { history } = parseDealHistory(text);
    expect(history.deals.map((deal) => deal.line)).toEqual([2, 7]);
  });

  it('reports what is wrong with the whole file', () => {
    expect(messages('')).toMatchInlineSnapshot(`"✖ deals.csv: has no header row and no deals"`);
    expect(messages('Amount,Close Date\n1,2021-01-01\n')).toMatchInlineSnapshot(`
      "✖ deals.csv:1: no stream column (accepted names: stream, business_line, line_of_business, category, practice)
      ✖ deals.csv:1: no type column (accepted names: type, project_type, opportunity_type, deal_type)
      ✖ deals.csv:1: no opened column (accepted names: opened, created_date, open_date, opened_date, created, created_at, create_date, date_opened)"
    `);
    expect(messages('stream,type,value,opened,status,stage\n')).toMatchInlineSnapshot(`"✖ deals.csv:1: columns "status" and "stage" both give the outcome: keep one"`);
    expect(messages('stream,type,value,opened\n')).toMatchInlineSnapshot(`"✖ deals.csv: has a header but no deals"`);
    expect(messages('stream,type,value,opened\nD,REP,125000,2021-01-01\nD,REP,250000,2021-02-01\n')).toMatchInlineSnapshot(
      `"✖ deals.csv value: the median deal is 2.50e+5 $M: the values look like dollars or thousands (use --value-unit 1 or k)"`,
    );
  });
});
