// MiniSearch's fuzzy search on the same pages and queries as bench/search_bench.py --typos.
// Run by it: node bench/typo_compare.mjs <input.json> <output.json>, with `minisearch` installed
// (npm i -E minisearch@7.2.0) in the folder given by NODE_PATH.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
const MiniSearch = require("minisearch");
const [input, output] = process.argv.slice(2);
const data = JSON.parse(readFileSync(input, "utf8"));
const out = {};
for (const [lang, { documents, queries }] of Object.entries(data)) {
  const index = new MiniSearch({ fields: ["title", "names", "text"], storeFields: ["url"] });
  index.addAll(documents.map((d, id) => ({ id, ...d })));
  // MiniSearch's documented fuzzy search: edit distance up to 20% of the term, prefixes.
  out[lang] = queries.map(q => index.search(q, { fuzzy: 0.2, prefix: true, combineWith: "AND" })
    .slice(0, 10).map(r => r.url));
}
writeFileSync(output, JSON.stringify(out));
