/*
 * Run Zensical's own search worker under Node against a site Zensical built.
 *
 *   node bench/zensical_worker.cjs SITE_DIR < queries.json > results.json
 *
 * SITE_DIR is a Zensical build (search.json, assets/javascripts/workers/search.*.min.js). The
 * worker gets the messages the browser's bundle sends it: {type: 0, data: search.json}, then
 * for each query {type: 2, data: {input, filter}} (and `page` for the next ten results). Output
 * as search_worker.cjs: {results, times}: for each query the pages of the results, best first,
 * and the median time of five runs of the first answer, in milliseconds.
 */
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")
const { medianTime } = require("./timing.cjs")

const siteDir = process.argv[2]
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
const workers = path.join(siteDir, "assets", "javascripts", "workers")
const worker = path.join(workers, fs.readdirSync(workers).find(name => /^search\..*\.js$/.test(name)))

let reply = null
globalThis.self = globalThis
globalThis.postMessage = message => reply(message)
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker })

function send(message) {
  return new Promise(resolve => {
    reply = resolve
    self.onmessage({ data: message })
  })
}

/* What the bundle sends: the query and no tag filter */
function request(input, page) {
  const filter = {
    input: { type: "operator", data: { operator: "and", operands: [] } },
    aggregation: { input: [{ type: "term", data: { field: "tags" } }] }
  }
  return { type: 2, data: page ? { input, filter, page } : { input, filter } }
}

async function main() {
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, "search.json"), "utf8"))
  await send({ type: 0, data: index })
  const results = []
  const times = []
  for (const query of queries) {
    let { value: data, ms } = await medianTime(async () => (await send(request(query))).data)
    times.push(ms)
    const pages = []
    const collect = answer => {
      for (const item of answer.items) {
        const page = index.items[item.id].location.split("#")[0]
        if (!pages.includes(page))
          pages.push(page)
      }
    }
    collect(data)
    /* Results come ten sections at a time: read on until five pages are known */
    for (let more = 0; more < 5 && pages.length < 5 && data.pagination && data.pagination.next; more++) {
      data = (await send(request(query, data.pagination.next))).data
      collect(data)
    }
    results.push(pages)
  }
  process.stdout.write(JSON.stringify({ results, times }))
}

main().catch(err => { console.error(err); process.exit(1) })
