type MailboxRow = {
  id: string;
  channel: 'mail' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  status: string;
  created_at: Date;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Escapes the text, then turns http(s) URLs into links. A URL ends at the first character that
 * cannot be part of one: whitespace, `<`, `"`, or anything outside ASCII (Japanese text written
 * right after a link, 「」, 。).
 */
export function linkify(text: string): string {
  return escapeHtml(text).replace(
    /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
}

const jst = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The mailbox as one self-contained HTML page (no scripts). */
export function renderMailboxPage(rows: MailboxRow[], filter?: string): string {
  const items = rows
    .map(
      (r) => `<article class="msg" data-to="${escapeHtml(r.recipient)}">
  <header><h2>${escapeHtml(r.subject)}</h2>
  <dl><dt>種別</dt><dd>${r.channel === 'mail' ? 'メール' : 'SMS'}</dd>
  <dt>宛先</dt><dd class="to">${escapeHtml(r.recipient)}</dd>
  <dt>日時</dt><dd>${jst.format(r.created_at)}</dd>
  <dt>状態</dt><dd>${escapeHtml(r.status)}</dd></dl></header>
  <pre class="body">${linkify(r.body)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>メールボックス - Madoguchi</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"IPAGothic",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f1f1f}
.msg{border:1px solid #d9d9d9;border-radius:8px;padding:1rem;margin:1rem 0}
h2{font-size:1.1rem;margin:0 0 .5rem} dl{display:grid;grid-template-columns:5rem 1fr;margin:0;gap:.2rem}
dt{color:#595959} dd{margin:0} pre{white-space:pre-wrap;word-break:break-all;background:#fafafa;padding:.75rem}
a{color:#0958d9}
</style></head>
<body><main><h1>メールボックス</h1>
<p>送信されたメールと SMS（${rows.length}件${filter ? `、宛先: ${escapeHtml(filter)}` : ''}）。新しい順。</p>
${items || '<p>メッセージはありません。</p>'}
</main></body></html>`;
}
