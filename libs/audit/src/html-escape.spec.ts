import { escapeHtml, html } from './html-escape.js';

describe('escapeHtml and the html template', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<script>alert('x') & "y"</script>`)).toBe(
      '&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;',
    );
  });

  it('escapes every interpolated value, nested lists included, but not its own fragments', () => {
    const items = ['<b>', '"q"'].map((text) => html`<li>${text}</li>`);
    expect(
      html`<ul title="${'a"b'}">
        ${items}
      </ul>`.html.replace(/>\s+</g, '><'),
    ).toBe('<ul title="a&quot;b"><li>&lt;b&gt;</li><li>&quot;q&quot;</li></ul>');
  });
});
