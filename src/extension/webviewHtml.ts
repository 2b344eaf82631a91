// Builds webview documents with a strict Content-Security-Policy: no inline code, scripts only with a fresh nonce,
// styles and scripts only from the extension's media folder (plus nonce'd style blocks).
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export interface WebviewDoc {
  title: string;
  /** Files under media/ */
  scripts: string[];
  styles: string[];
  /** Extra CSS text, added in a nonce'd <style> (e.g. generated chart styles). */
  inlineStyle?: string;
  body: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, doc: WebviewDoc): string {
  const n = nonce();
  const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', f)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${doc.title.replace(/[<&]/g, '')}</title>
${doc.styles.map((s) => `<link rel="stylesheet" href="${media(s)}">`).join('\n')}
${doc.inlineStyle ? `<style nonce="${n}">${doc.inlineStyle}</style>` : ''}
</head>
<body>
${doc.body}
${doc.scripts.map((s) => `<script nonce="${n}" src="${media(s)}"></script>`).join('\n')}
</body>
</html>`;
}
