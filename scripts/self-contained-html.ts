/**
 * Makes a notebook's HTML copy shareable: nbconvert (Debian's) links
 * require.js and MathJax from file:///usr/share/javascript/…, which exists
 * on no reader's machine. A linked script or stylesheet that can be read is
 * inlined; MathJax is removed with its configuration (it loads fonts and
 * extensions of its own, so it cannot be inlined, and the notebooks hold no
 * TeX); anything else that cannot be read is removed and reported. The
 * charts are already data: URIs.
 */

const LOCAL = /^file:\/\//;
const SCRIPT = /<script\b[^>]*\bsrc="(file:\/\/[^"]*)"[^>]*>\s*<\/script>/g;
const STYLESHEET = /<link\b[^>]*\bhref="(file:\/\/[^"]*)"[^>]*>/g;
const MATHJAX_CONFIG = /<!-- Load mathjax -->|<script type="text\/x-mathjax-config">[\s\S]*?<\/script>|<!-- End of mathjax configuration -->/g;

export interface SelfContained {
  html: string;
  /** What was inlined and what was removed, by URL. */
  inlined: string[];
  removed: string[];
}

/** The path a file: URL names, without its query. */
function localPath(url: string): string {
  return decodeURIComponent(url.replace(LOCAL, '').replace(/[?#].*$/, ''));
}

/** `html` with every file: script and stylesheet inlined (when `read` gives its text) or removed. */
export function selfContainedHtml(html: string, read: (path: string) => string | null): SelfContained {
  const inlined: string[] = [];
  const removed: string[] = [];
  const mathJax = (url: string) => /\/mathjax\//i.test(url);
  let out = html.replace(SCRIPT, (tag, url: string) => {
    const text = mathJax(url) ? null : read(localPath(url));
    if (text === null) {
      removed.push(url);
      return '';
    }
    inlined.push(url);
    // A "</script" inside the code would end the element early.
    return `<script>${text.replace(/<\/script/gi, '<\\/script')}</script>`;
  });
  out = out.replace(STYLESHEET, (tag, url: string) => {
    const text = /\bstylesheet\b/.test(tag) ? read(localPath(url)) : null;
    if (text === null) {
      removed.push(url);
      return '';
    }
    inlined.push(url);
    return `<style>${text.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
  if (removed.some(mathJax)) out = out.replace(MATHJAX_CONFIG, '');
  return { html: out, inlined, removed };
}

/** The file: URLs still in `html` (none, once it is self-contained). */
export function localLinks(html: string): string[] {
  return html.match(/file:\/\/[^"'\s)]*/g) ?? [];
}
