import { describe, expect, it } from 'vitest';
import { localLinks, selfContainedHtml } from '../../scripts/self-contained-html.ts';

const PAGE = `<head><title>n</title><script src="file:///usr/share/javascript/requirejs/require.min.js"></script>
<link rel="stylesheet" href="file:///usr/share/css/x.css">
<!-- Load mathjax -->
    <script src="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"> </script>
    <script type="text/x-mathjax-config">
    init_mathjax = function() { MathJax.Hub.Config({}); }
    init_mathjax();
    </script>
    <!-- End of mathjax configuration --></head><body><img src="data:image/svg+xml;base64,AAAA"></body>`;

describe("a notebook's HTML copy", () => {
  it('inlines the local scripts and stylesheets it can read, drops MathJax with its configuration, and links no file: URL', () => {
    const files: Record<string, string> = { '/usr/share/javascript/requirejs/require.min.js': 'var requirejs = 1; "</script>";', '/usr/share/css/x.css': 'body { margin: 0 }' };
    const result = selfContainedHtml(PAGE, (path) => files[path] ?? null);
    expect(localLinks(PAGE)).toHaveLength(3);
    expect(localLinks(result.html)).toEqual([]);
    expect(result.html).toContain('<script>var requirejs = 1; "<\\/script>";</script>');
    expect(result.html).toContain('<style>body { margin: 0 }</style>');
    expect(result.html).not.toMatch(/mathjax/i);
    expect(result.html).toContain('<img src="data:image/svg+xml;base64,AAAA">');
    expect(result.removed).toEqual(['file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe']);
  });

  it('removes, and reports, a linked file that is not there', () => {
    const result = selfContainedHtml(PAGE, () => null);
    expect(localLinks(result.html)).toEqual([]);
    expect(result.removed).toHaveLength(3);
    expect(result.html).toContain('<title>n</title>');
  });
});
