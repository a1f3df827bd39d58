import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/parse-arguments.ts';
import { pdfBrowser } from '../../src/cli/pdf-browser.ts';
import { UsageError } from '../../src/cli/cli-io.ts';

describe('--no-deck and --pdf', () => {
  it('run and sweep write the deck unless --no-deck, and print a PDF only with --pdf', () => {
    expect(parseArguments(['run', 's.yaml'])).toMatchObject({ options: { deck: true, pdf: false } });
    expect(parseArguments(['run', 's.yaml', '--no-deck', '--pdf'])).toMatchObject({ options: { deck: false, pdf: true } });
    expect(parseArguments(['sweep', 's.yaml', '--vary', 'discountRate=0.1,0.2'])).toMatchObject({ options: { deck: true, pdf: false } });
    expect(parseArguments(['sweep', 's.yaml', '--vary', 'discountRate=0.1,0.2', '--no-deck', '--pdf'])).toMatchObject({ options: { deck: false, pdf: true } });
    expect(parseArguments(['merge', 'a.partial', '--no-deck'])).toMatchObject({ options: { deck: false } });
  });

  it('--pdf needs the report and a Chromium, and says which is missing', () => {
    expect(pdfBrowser({ pdf: false, charts: true }, { PATH: '' })).toBeUndefined();
    expect(() => pdfBrowser({ pdf: true, charts: false }, { PATH: '' })).toThrow(new UsageError('--pdf prints the HTML report, which --no-charts skips: drop one of them'));
    expect(() => pdfBrowser({ pdf: true, charts: true }, { PATH: '/nonexistent' })).toThrow(/^--pdf needs a local Chromium or Chrome \(looked for chromium, chromium-browser, google-chrome, google-chrome-stable, chrome on PATH, or set EXPANSIM_CHROMIUM\)/);
    expect(() => pdfBrowser({ pdf: true, charts: true }, { EXPANSIM_CHROMIUM: '/nonexistent/chromium' })).toThrow(UsageError);
    expect(pdfBrowser({ pdf: true, charts: true }, { EXPANSIM_CHROMIUM: process.execPath })).toBe(process.execPath);
  });
});
