// Reads a PDF from stdin with unpdf (PDF.js) and prints each page's text items as JSON. It runs as
// its own process because PDF.js is an ES module loaded by dynamic import, which Jest's CommonJS
// sandbox cannot do without --experimental-vm-modules.
import { getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.filter((i) => 'str' in i).map((i) => ({ str: i.str, transform: i.transform })));
}
process.stdout.write(JSON.stringify(pages));
