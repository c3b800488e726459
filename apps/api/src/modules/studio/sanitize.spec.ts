import { sanitizeLessonHtml } from './sanitize';

const ASSET = '0b0e2f0c-6c5e-4f3e-9a57-0b1c2d3e4f50';

/** Payloads from the usual XSS cheat sheets: none may leave anything executable behind. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  `<img src="/api/v1/media/files/${ASSET}/a.png" onerror="alert(1)">`,
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#0000106;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example/">x</a>',
  '<a href="https://ok.example/" onclick="alert(1)" onmouseover="alert(1)">x</a>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="width: expression(alert(1))">x</p>',
  '<div style="behavior: url(x.htc)">x</div>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="https://evil.example/track.png">',
  `<img src="/api/v1/media/files/${ASSET}/../../../etc/passwd.png">`,
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<a href="https://ok.example/" target="_blank">x</a>',
  '<p><a href="mailto:a@b.example" formaction="javascript:alert(1)">m</a></p>',
];

describe('sanitizeLessonHtml', () => {
  it.each(PAYLOADS)('leaves nothing executable of %s', (payload) => {
    const clean = sanitizeLessonHtml(payload);
    expect(clean).not.toMatch(/<\s*(script|iframe|object|embed|svg|math|style|base|meta|link|form|input|body|details|template|noscript)\b/i);
    expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
    expect(clean).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(clean).not.toMatch(/\sstyle\s*=/i);
    expect(clean).not.toMatch(/expression\s*\(/i);
    expect(clean).not.toMatch(/<img(?![^>]*src="\/api\/v1\/media\/files\/)/i);
    expect(clean).not.toMatch(/href="\/\//i);
    expect(clean).not.toMatch(/target=/i);
  });

  it('keeps the allowed formatting', () => {
    const html =
      '<h2>Mật khẩu</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p><ul><li>một</li></ul><ol><li>hai</li></ol>' +
      '<blockquote>trích</blockquote><pre><code>code</code></pre><h3>a</h3><h4>b</h4>' +
      '<table><caption>Bảng</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
    expect(sanitizeLessonHtml(html)).toBe(html);
  });

  it('gives links rel=noopener and keeps http(s) and mailto only', () => {
    expect(sanitizeLessonHtml('<a href="https://dichvucong.gov.vn">DVC</a>')).toBe('<a href="https://dichvucong.gov.vn" rel="noopener noreferrer">DVC</a>');
    expect(sanitizeLessonHtml('<a href="mailto:hotro@example.vn">mail</a>')).toBe('<a href="mailto:hotro@example.vn" rel="noopener noreferrer">mail</a>');
    expect(sanitizeLessonHtml('<a href="/relative">r</a>')).toBe('<a>r</a>');
  });

  it('keeps images from our media files only, with their alt text', () => {
    const src = `/api/v1/media/files/${ASSET}/poster.jpg`;
    expect(sanitizeLessonHtml(`<p><img src="${src}" alt="Ảnh" width="10"></p>`)).toBe(`<p><img src="${src}" alt="Ảnh" /></p>`);
    expect(sanitizeLessonHtml('<p>a<img src="https://cdn.example/x.png">b</p>')).toBe('<p>ab</p>');
  });

  it('maps b/i/h1 to the allowed elements and drops unknown ones but keeps their text', () => {
    expect(sanitizeLessonHtml('<h1>T</h1><b>B</b><i>I</i><span>S</span><div>D</div>')).toBe('<h2>T</h2><strong>B</strong><em>I</em>SD');
  });
});
