import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl, fullAppUrl } from '../../src/view/embed-code.js';

describe('embed code', () => {
  it('embedUrl adds embed=1 once, keeps the rest of the link as written, and drops the fragment', () => {
    expect(embedUrl('http://127.0.0.1:8080/?loop=amd%3Eopenai&story=five-loops&step=3#x')).toBe('http://127.0.0.1:8080/?loop=amd%3Eopenai&story=five-loops&step=3&embed=1');
    expect(embedUrl('http://127.0.0.1:8080/?embed=0&firm=nvidia')).toBe('http://127.0.0.1:8080/?firm=nvidia&embed=1');
    expect(embedUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/?embed=1');
  });

  it('fullAppUrl leaves the embedded view for the whole app on the same view', () => {
    expect(fullAppUrl('http://127.0.0.1:8080/?firm=nvidia&embed=1&step=2')).toBe('http://127.0.0.1:8080/?firm=nvidia&step=2');
    expect(fullAppUrl('http://127.0.0.1:8080/?embed=1')).toBe('http://127.0.0.1:8080/');
  });

  it('embedCode escapes the title and the address so neither can break out of the attribute', () => {
    const code = embedCode('http://127.0.0.1:8080/?firm=nvidia&x="><script>', 'A "story" <b>&</b>');
    expect(code).toMatch(/^<iframe src="[^"]*" title="[^"]*" width="900" height="560" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"><\/iframe>$/);
    expect(code).toContain('title="A &quot;story&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(code).not.toContain('<script>');
    expect(code).toContain('firm=nvidia&amp;');
  });
});
