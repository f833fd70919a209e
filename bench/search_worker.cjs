/*
 * Run Material's own search worker under Node against a built site.
 *
 *   node bench/search_worker.cjs SITE_DIR WORKER_JS < queries.json > results.json
 *
 * SITE_DIR is a built site (search/search_index.json, assets/javascripts/lunr/...). WORKER_JS is
 * the installed Material templates/assets/javascripts/workers/search.*.min.js. The worker's
 * importScripts() loads the language files from SITE_DIR, as the browser would, so the site's
 * own lunr.ko.min.js (stock or with the project's script) is used. Input: a JSON list of query
 * strings. Output: {results, times}: for each query, the page URLs of the result groups, best
 * first, and the median time of five runs the worker took to answer it, in milliseconds
 * (timing.cjs).
 */
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")
const { medianTime } = require("./timing.cjs")

const [siteDir, workerPath] = process.argv.slice(2)
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
const workerDir = path.join(siteDir, "assets", "javascripts", "workers")

let listener = null
let reply = null
globalThis.self = globalThis
globalThis.addEventListener = (type, fn) => { if (type === "message") listener = fn }
globalThis.postMessage = message => reply(message)
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.resolve(workerDir, url)
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file })
  }
}

function send(message) {
  return new Promise(resolve => {
    reply = resolve
    listener({ data: message })
  })
}

async function main() {
  vm.runInThisContext(fs.readFileSync(workerPath, "utf8"), { filename: workerPath })
  const { config, docs } = JSON.parse(
    fs.readFileSync(path.join(siteDir, "search", "search_index.json"), "utf8")
  )
  const console_warn = console.warn
  console.warn = () => {}                    /* Lunr warns about duplicate keys and the like */
  await send({ type: 0, data: { config, docs, options: { suggest: false } } })
  console.warn = console_warn
  const results = []
  const times = []
  for (const query of queries) {
    const { value: data, ms } = await medianTime(async () => (await send({ type: 2, data: query })).data)
    times.push(ms)
    results.push(data.items.map(group => group[0].location.split("#")[0]))
  }
  process.stdout.write(JSON.stringify({ results, times }))
}

main().catch(err => { console.error(err); process.exit(1) })
